/** Order export: English and Chinese side by side. */
export const exportsEn = {} as const;

export const exportsZh: Record<keyof typeof exportsEn, string> = {};
