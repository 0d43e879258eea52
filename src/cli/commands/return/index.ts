import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { returnLinkCommand } from './link.js';
import { returnListCommand } from './list.js';
import { returnOpenCommand } from './open.js';
import { returnReceiveCommand } from './receive.js';
import { returnRefundCommand } from './refund.js';
import { returnShowCommand } from './show.js';
import { returnApproveCommand, returnCloseCommand, returnRejectCommand } from './step.js';

export function register(ctx: Ctx): Command {
  return noun(ctx, 'return', 'returnNoun.summary', [
    returnOpenCommand(ctx),
    returnListCommand(ctx),
    returnShowCommand(ctx),
    returnApproveCommand(ctx),
    returnRejectCommand(ctx),
    returnReceiveCommand(ctx),
    returnRefundCommand(ctx),
    returnCloseCommand(ctx),
    returnLinkCommand(ctx),
  ]);
}
