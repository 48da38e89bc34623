/**
 * Which interactions casebot answers and how, for both transports: the gateway (src/bot/) and the
 * HTTP endpoint (src/http/) each turn their interaction into one of the plain inputs below, ask this
 * module for a {@link CommandPlan} / {@link ButtonPlan} / {@link Completion}, and only send what it
 * says. So the commands, their options, the permission check of `/case-admin`, the buttons and who
 * sees which reply are decided once; a transport cannot answer something the other does not.
 * No discord.js here.
 */
import { catalogFor } from '../answer/locale/index.js';
import { PAGE_TOKEN_PREFIX } from '../answer/paging-token.js';
import type { Reply } from '../answer/reply.js';
import { VOTE_PREFIX } from '../answer/vote-buttons.js';
import { VOTE_TOKEN_PREFIX } from '../answer/vote-token.js';
import type { Awaitable } from '../gaps/types.js';
import type { AutocompleteChoice } from '../search/types.js';
import type { CaseBot } from './case-bot.js';
import { CHECK_MESSAGE_COMMAND, type MessageChecker } from './check-message.js';
import type { GapsRequest } from './gaps-commands.js';
import { renderAdminRefused } from './replies.js';

/** The app layer a transport routes to. */
export interface InteractionApp {
  readonly bot: CaseBot;
  /** "Check against case facts" (the message command). */
  readonly check: MessageChecker;
}

/** Who acted. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  /**
   * The member in a server: permissions in the channel (null when Discord sent none) and role ids.
   * null in a DM, where there is nothing to check permissions against.
   */
  readonly member: { readonly permissions: bigint | null; readonly roleIds: readonly string[] } | null;
}

/** What every interaction carries, whichever transport delivered it. */
export interface Origin {
  readonly interactionId: string;
  /** null in a DM. */
  readonly guildId: string | null;
  readonly actor: Actor;
  /** The user's Discord locale (`ja`, `en-US`, …), or null (then English). */
  readonly locale: string | null;
}

export type OptionValue = string | number | boolean;

/** A slash command (chat input, command type 1), its subcommand and its leaf options by name. */
export interface SlashCommandInput extends Origin {
  readonly name: string;
  /** `sub`, `group sub`, or null for a command without subcommands. */
  readonly subcommand: string | null;
  /** User options hold the user id, as Discord sends it. */
  readonly options: ReadonlyMap<string, OptionValue>;
}

/** A message context-menu command (command type 3) and what its target message holds. */
export interface MessageCommandInput extends Origin {
  readonly name: string;
  readonly target: { readonly content: string; readonly embeds: number; readonly attachments: number };
}

/** A button click. */
export interface ButtonInput extends Origin {
  readonly customId: string;
}

/** Typing into an autocompleted option. */
export interface AutocompleteInput {
  readonly name: string;
  readonly userId: string;
  /** The option being typed into, or null when Discord marked none. */
  readonly focused: { readonly name: string; readonly value: string } | null;
}

/** A reply and how it came about, for the transport's one log line per interaction. */
export type RoutedReply = Reply & { readonly outcome: string; readonly referenceId?: string | undefined };

/**
 * Answer with a new message. `run` is quick (milliseconds; a round trip when shared state lives in
 * Redis), but a transport that has not sent it within its defer window acknowledges first;
 * `ephemeral` is the visibility that acknowledgement must have, since Discord keeps it for the reply.
 */
export interface ReplyPlan {
  readonly kind: 'reply';
  readonly ephemeral: boolean;
  readonly run: () => Awaitable<RoutedReply>;
}

/** Slow work (`/case-admin reload`): acknowledge at once, privately, then fill in `run`'s reply. */
export interface DeferredPlan {
  readonly kind: 'deferred';
  readonly run: () => Promise<RoutedReply>;
}

/** A page button: `update` replaces the message the button is on; otherwise the reply is a private note. */
export interface UpdatePlan {
  readonly kind: 'update';
  readonly run: () => Awaitable<RoutedReply & { readonly update: boolean }>;
}

export type CommandPlan = ReplyPlan | DeferredPlan;
export type ButtonPlan = ReplyPlan | UpdatePlan;

/** Suggestions for an autocompleted option, fitted to Discord's limits. */
export interface Completion {
  readonly choices: readonly { readonly name: string; readonly value: string }[];
  readonly outcome: string;
}

const privately = (run: () => Awaitable<RoutedReply>): ReplyPlan => ({
  kind: 'reply',
  ephemeral: true,
  run: async () => ({ ...(await run()), ephemeral: true }),
});

/** `by` in logs and reload reports: a name to read and the id to be sure. */
const byWhom = (actor: Actor): string => `${actor.username} (${actor.userId})`;

function stringOption(input: SlashCommandInput, name: string): string | undefined {
  const value = input.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

/**
 * `/case query private case mention`. Public answers are subject to the cooldown (then answered
 * privately). Asynchronous because the cooldown may be kept in Redis; it is read before `run`
 * claims it, so the plan's visibility is the one the reply will have.
 */
async function planCase(input: SlashCommandInput, app: InteractionApp): Promise<CommandPlan> {
  const isPrivate = input.options.get('private') === true;
  const { member } = input.actor;
  const request = {
    query: stringOption(input, 'query') ?? '',
    caseId: stringOption(input, 'case'),
    mentionUserId: stringOption(input, 'mention'),
    guildId: input.guildId,
    private: isPrivate,
    userId: input.actor.userId,
    // Only a private answer can show ids, so only then is the member's standing worth checking.
    moderator: isPrivate && member !== null && app.bot.mayAdminister(member),
    interactionId: input.interactionId,
    locale: input.locale,
  };
  // Within the cooldown a public question is answered privately: an acknowledgement must be private too.
  const ephemeral = isPrivate || (await app.bot.answersPrivately(request.userId));
  return { kind: 'reply', ephemeral, run: () => app.bot.handleCase(request) };
}

/**
 * `/case-admin reload|status|gaps|default-case`, after checking again that the member may: server
 * admins can change who sees the command, and a DM has no member to check at all.
 */
function planAdmin(input: SlashCommandInput, app: InteractionApp): CommandPlan {
  const t = catalogFor(input.locale);
  const { guildId, actor } = input;
  if (guildId === null || actor.member === null)
    return privately(() => ({ ...renderAdminRefused('outside-guild', t), outcome: 'refused' }));
  if (!app.bot.mayAdminister(actor.member)) return privately(() => ({ ...renderAdminRefused('not-permitted', t), outcome: 'refused' }));
  switch (input.subcommand) {
    case 'reload':
      // Reading files and rebuilding the index may take longer than Discord's 3 s: always acknowledge first.
      return { kind: 'deferred', run: () => app.bot.handleReload({ by: byWhom(actor), locale: input.locale }) };
    case 'status':
      return privately(() => app.bot.handleStatus({ guildId, locale: input.locale }));
    case 'gaps':
      return privately(() => app.bot.handleGaps(gapsRequest(input, guildId)));
    case 'default-case': {
      const caseId = stringOption(input, 'case')?.trim() ?? '';
      return privately(() =>
        app.bot.handleDefaultCase({ guildId, caseId: caseId === '' ? null : caseId, by: byWhom(actor), locale: input.locale }),
      );
    }
    default:
      return privately(() => ({ content: t.t('unknownCommand'), ephemeral: true, outcome: 'unknown-subcommand' }));
  }
}

/**
 * The options of `/case-admin gaps`. Always this server only: a moderator of one server never sees
 * another server's questions.
 */
function gapsRequest(input: SlashCommandInput, guildId: string): GapsRequest {
  const caseId = stringOption(input, 'case');
  const days = input.options.get('days');
  return { guildId, locale: input.locale, ...(caseId === undefined ? {} : { caseId }), ...(typeof days === 'number' ? { days } : {}) };
}

/** "Check against case facts": the target message's text against the facts, answered privately. */
function planCheck(input: MessageCommandInput, app: InteractionApp): CommandPlan {
  const request = {
    text: input.target.content,
    embeds: input.target.embeds,
    attachments: input.target.attachments,
    userId: input.actor.userId,
    interactionId: input.interactionId,
    locale: input.locale,
  };
  return privately(() => app.check.handleCheck(request));
}

/**
 * "◀ Back" / "More ▶": the asker's click turns the page in place; anyone else, or a click after
 * the answer expired, gets a private note and the message stays as it is.
 */
function planPage(input: ButtonInput, app: InteractionApp): ButtonPlan {
  return {
    kind: 'update',
    run: async () => {
      const reply = await app.bot.handlePageButton({ customId: input.customId, userId: input.actor.userId, locale: input.locale });
      return reply.update ? reply : { ...reply, ephemeral: true };
    },
  };
}

/** 👍 / 👎: the vote is kept and thanked privately; the answer's message is never edited. */
function planVote(input: ButtonInput, app: InteractionApp): ButtonPlan {
  return privately(() =>
    app.bot.handleVoteButton({ customId: input.customId, userId: input.actor.userId, locale: input.locale, guildId: input.guildId }),
  );
}

function completeCase(input: AutocompleteInput, app: InteractionApp): readonly AutocompleteChoice[] | null {
  if (input.focused?.name === 'query') return app.bot.handleAutocomplete({ input: input.focused.value, userId: input.userId });
  if (input.focused?.name === 'case') return app.bot.handleCaseAutocomplete({ input: input.focused.value });
  return null;
}

function completeAdmin(input: AutocompleteInput, app: InteractionApp): readonly AutocompleteChoice[] | null {
  return input.focused?.name === 'case' ? app.bot.handleCaseAutocomplete({ input: input.focused.value }) : null;
}

/** Slash commands by name: what `deploy-commands` registers (a test keeps the two equal). */
const SLASH_COMMANDS: Readonly<Record<string, (input: SlashCommandInput, app: InteractionApp) => Awaitable<CommandPlan>>> = {
  case: planCase,
  'case-admin': planAdmin,
};

/** Message context-menu commands by name. */
const MESSAGE_COMMANDS: Readonly<Record<string, (input: MessageCommandInput, app: InteractionApp) => CommandPlan>> = {
  [CHECK_MESSAGE_COMMAND]: planCheck,
};

/** Button handlers by custom_id prefix. `case:info:` (the page indicator) is disabled and never clicked. */
const BUTTONS: readonly (readonly [prefix: string, plan: (input: ButtonInput, app: InteractionApp) => ButtonPlan])[] = [
  ['case:page:', planPage],
  // Signed page buttons (src/answer/paging-token.ts); a later format adds its own prefix here.
  [PAGE_TOKEN_PREFIX, planPage],
  [VOTE_PREFIX, planVote],
  // Signed vote buttons (src/answer/vote-token.ts).
  [VOTE_TOKEN_PREFIX, planVote],
];

/** Autocompleted options by command name. */
const COMPLETIONS: Readonly<Record<string, (input: AutocompleteInput, app: InteractionApp) => readonly AutocompleteChoice[] | null>> = {
  case: completeCase,
  'case-admin': completeAdmin,
};

/** What casebot answers, read off the tables above (for the parity and registration tests, and docs). */
export const ROUTES = {
  slashCommands: Object.keys(SLASH_COMMANDS),
  messageCommands: Object.keys(MESSAGE_COMMANDS),
  buttonPrefixes: BUTTONS.map(([prefix]) => prefix),
  autocomplete: Object.keys(COMPLETIONS),
} as const;

const own = <T>(table: Readonly<Record<string, T>>, name: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;

/**
 * How to answer a slash command, or null when it is not one of ours. Asynchronous: `/case` reads
 * the member's cooldown, which may live in Redis, to know the reply's visibility.
 *
 * @example
 * const plan = await planSlashCommand({ name: 'case', subcommand: null, options: new Map([['query', 'jaxa']]), …origin }, app);
 * plan?.kind // 'reply'
 */
export async function planSlashCommand(input: SlashCommandInput, app: InteractionApp): Promise<CommandPlan | null> {
  return (await own(SLASH_COMMANDS, input.name)?.(input, app)) ?? null;
}

/** How to answer a message command, or null when it is not one of ours. */
export function planMessageCommand(input: MessageCommandInput, app: InteractionApp): CommandPlan | null {
  return own(MESSAGE_COMMANDS, input.name)?.(input, app) ?? null;
}

/** How to answer a button click, or null for a custom_id that is not one of ours (an older version's). */
export function planButton(input: ButtonInput, app: InteractionApp): ButtonPlan | null {
  return BUTTONS.find(([prefix]) => input.customId.startsWith(prefix))?.[1](input, app) ?? null;
}

/** Discord's limits on autocomplete: 25 choices, names and values of 1 to 100 characters. */
const CHOICES_MAX = 25;
const CHOICE_TEXT_MAX = 100;

/**
 * Choices cut to Discord's limits; empty names or values are dropped (Discord refuses the whole
 * list for one of them).
 *
 * @example
 * fitChoices([{ name: '', value: 'x' }, { name: 'JAXA', value: 'jaxa' }]) // [{ name: 'JAXA', value: 'jaxa' }]
 */
export function fitChoices(choices: readonly { readonly name: string; readonly value: string }[]): { name: string; value: string }[] {
  return choices
    .map((choice) => ({ name: choice.name.slice(0, CHOICE_TEXT_MAX), value: choice.value.slice(0, CHOICE_TEXT_MAX) }))
    .filter((choice) => choice.name !== '' && choice.value !== '')
    .slice(0, CHOICES_MAX);
}

/** Suggestions while typing: the query, or a case; none for other options or commands. */
export function complete(input: AutocompleteInput, app: InteractionApp): Completion {
  const found = own(COMPLETIONS, input.name);
  if (found === undefined) return { choices: [], outcome: 'unknown-command' };
  const choices = found(input, app);
  if (choices === null) return { choices: [], outcome: 'no-choices' };
  return { choices: fitChoices(choices), outcome: `choices:${choices.length}` };
}

/**
 * The leaf options of a command and its subcommand path, from the options array Discord sends
 * (discord.js's `interaction.options.data` has the same shape). Subcommands (type 1) and groups
 * (type 2) carry no value.
 *
 * @example
 * flattenOptions([{ name: 'gaps', type: 1, options: [{ name: 'days', type: 4, value: 7 }] }])
 * // { subcommand: 'gaps', leaves: [{ name: 'days', type: 4, value: 7 }] }
 */
export function flattenOptions(options: readonly CommandOption[] | undefined): {
  subcommand: string | null;
  leaves: readonly CommandOption[];
} {
  const first = options?.[0];
  if (first !== undefined && (first.type === SUBCOMMAND || first.type === SUBCOMMAND_GROUP)) {
    if (first.type === SUBCOMMAND) return { subcommand: first.name, leaves: leavesOf(first.options) };
    const sub = first.options?.[0];
    return { subcommand: sub === undefined ? first.name : `${first.name} ${sub.name}`, leaves: leavesOf(sub?.options) };
  }
  return { subcommand: null, leaves: leavesOf(options) };
}

/** An option as Discord nests them. */
export interface CommandOption {
  readonly name: string;
  readonly type: number;
  readonly value?: OptionValue | undefined;
  readonly focused?: boolean | undefined;
  readonly options?: readonly CommandOption[] | undefined;
}

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

function leavesOf(options: readonly CommandOption[] | undefined): readonly CommandOption[] {
  return (options ?? []).filter((option) => option.value !== undefined);
}

/**
 * The options by name, and the focused one's name and value (autocomplete).
 *
 * @example
 * optionsOf([{ name: 'query', type: 3, value: 'jax', focused: true }]).focused // { name: 'query', value: 'jax' }
 */
export function optionsOf(leaves: readonly CommandOption[]): {
  options: ReadonlyMap<string, OptionValue>;
  focused: { name: string; value: string } | null;
} {
  const options = new Map<string, OptionValue>();
  let focused: { name: string; value: string } | null = null;
  for (const option of leaves) {
    if (option.value === undefined) continue;
    options.set(option.name, option.value);
    if (option.focused === true) focused = { name: option.name, value: String(option.value) };
  }
  return { options, focused };
}
