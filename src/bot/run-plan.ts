/**
 * Carries out the app layer's plans (src/app/interaction-routes.ts) with discord.js: reply within
 * Discord's 3 s (deferring when the work runs late), defer-then-edit for slow work, and page turns
 * that edit the message the button is on. All sending goes through src/bot/respond.ts.
 */
import type { ButtonPlan, CommandPlan, ReplyPlan, RoutedReply, UpdatePlan } from '../app/interaction-routes.js';
import type { BotContext, HandlerResult } from './context.js';
import { respondInTime, sendReply, sendUpdate, toReplyOptions, withinLimits, type Repliable, type Updatable } from './respond.js';

/** An interaction that can be acknowledged before its answer is ready. */
export interface Deferrable extends Repliable {
  deferReply(options?: { flags: 'Ephemeral' }): Promise<unknown>;
}

/** A button interaction: can also acknowledge an edit of its message. */
export interface DeferrableUpdate extends Deferrable, Updatable {
  deferUpdate(): Promise<unknown>;
}

type Context = Pick<BotContext, 'deferAfterMs' | 'log'>;

const resultOf = (reply: RoutedReply | undefined, deferred: boolean): HandlerResult => ({
  outcome: reply?.outcome ?? 'error',
  referenceId: reply?.referenceId,
  deferred,
});

/** A new message, deferred first (with the plan's visibility) when the work runs past `deferAfterMs`. */
async function runReply(interaction: Deferrable, plan: ReplyPlan, ctx: Context): Promise<HandlerResult> {
  let reply: RoutedReply | undefined;
  const deferred = await respondInTime(Promise.resolve().then(plan.run), {
    deferAfterMs: ctx.deferAfterMs,
    // Deferring fixes the message's visibility, so it follows the plan.
    defer: () => (plan.ephemeral ? interaction.deferReply({ flags: 'Ephemeral' }) : interaction.deferReply()),
    send: async (result) => {
      reply = result;
      await sendReply(interaction, result, ctx.log);
    },
  });
  return resultOf(reply, deferred);
}

/**
 * Runs a command's plan.
 *
 * @example
 * const plan = await planSlashCommand(slashCommandInput(interaction), ctx);
 * if (plan !== null) return runCommandPlan(interaction, plan, ctx);
 */
export async function runCommandPlan(interaction: Deferrable, plan: CommandPlan, ctx: Context): Promise<HandlerResult> {
  if (plan.kind === 'reply') return runReply(interaction, plan, ctx);
  await interaction.deferReply({ flags: 'Ephemeral' });
  const reply = await plan.run();
  await sendReply(interaction, reply, ctx.log);
  return resultOf(reply, true);
}

/** The asker's page turn edits the message in place; anyone else's click gets a private note. */
async function runUpdate(interaction: DeferrableUpdate, plan: UpdatePlan, ctx: Context): Promise<HandlerResult> {
  let reply: RoutedReply | undefined;
  const deferred = await respondInTime(Promise.resolve().then(plan.run), {
    deferAfterMs: ctx.deferAfterMs,
    defer: () => interaction.deferUpdate(),
    send: async (result, wasDeferred) => {
      reply = result;
      if (result.update) await sendUpdate(interaction, result, ctx.log);
      // After deferUpdate the original message is ours to edit, so a note goes out as a follow-up.
      else if (wasDeferred) await interaction.followUp(toReplyOptions(withinLimits(result, ctx.log)));
      else await sendReply(interaction, result, ctx.log);
    },
  });
  return resultOf(reply, deferred);
}

/** Runs a button's plan. */
export async function runButtonPlan(interaction: DeferrableUpdate, plan: ButtonPlan, ctx: Context): Promise<HandlerResult> {
  return plan.kind === 'reply' ? runReply(interaction, plan, ctx) : runUpdate(interaction, plan, ctx);
}
