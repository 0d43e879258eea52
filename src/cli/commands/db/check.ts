import type { Command } from 'commander';
import { checkDatabase, type Problem } from '../../../domain/admin/database.js';
import type { Ctx } from '../../context.js';
import { EXIT } from '../../errors.js';
import { verb } from '../../verb.js';

export function dbCheckCommand(ctx: Ctx, run = dbCheckRun): Command {
  return verb(ctx, 'check', 'db.check.summary', ['shopkeep db check', 'shopkeep db check --json || echo "needs attention"']).action(() => run(ctx));
}

/** Exit 7 when anything is wrong, so cron can alert on it. */
export async function dbCheckRun(ctx: Ctx): Promise<void> {
  const problems = checkDatabase(ctx.db());
  const describe = (p: Problem) =>
    p.kind === 'integrity'
      ? ctx.t('dbCheck.integrity', { detail: p.detail })
      : p.kind === 'foreign_key'
        ? ctx.t('dbCheck.foreignKey', { table: p.table, rowid: p.rowid, parent: p.parent })
        : p.kind === 'ledger'
          ? ctx.t('dbCheck.ledger', { sku: p.sku, onHand: p.onHand, ledger: p.ledger })
          : p.kind === 'reservation'
            ? ctx.t('dbCheck.reservation', { sku: p.sku, reserved: p.reserved, lines: p.lines })
            : ctx.t('dbCheck.refunds', { order: p.order, refunded: p.refunded, ledger: p.ledger });
  await ctx.print({
    json: { ok: problems.length === 0, problems },
    blocks: [{ kind: 'text', text: problems.length === 0 ? ctx.t('dbCheck.ok') : problems.map(describe).join('\n') }],
  });
  if (problems.length > 0) {
    ctx.io.stderr.write(`${ctx.t('label.error')}${ctx.t('dbCheck.failed', { count: problems.length })}\n`);
    ctx.exitCode = EXIT.database;
  }
}
