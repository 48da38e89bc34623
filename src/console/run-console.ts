/**
 * The same commands as the bot, over stdin/stdout, for trying casebot without a Discord token:
 * `npm start` then `/case jaxa`, or `printf '/case jaxa\n' | npm start`.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { isPageButton } from '../app/answer-paging.js';
import { withoutVoteButtons } from '../answer/vote-buttons.js';
import type { Reply } from '../answer/reply.js';
import { stripControl } from '../answer/escape.js';
import { renderReplyAsText } from '../answer/render-text.js';
import type { CaseBot } from '../app/case-bot.js';
import type { MessageChecker } from '../app/check-message.js';
import { parseConsoleCommand } from './parse-command.js';

export interface ConsoleOptions {
  readonly bot: CaseBot;
  /** `/check`: what the message command does, on typed text. */
  readonly check: MessageChecker;
  readonly input: NodeJS.ReadableStream;
  readonly output: { write(text: string): unknown };
  /** Shown in the banner. */
  readonly loaded: { readonly facts: number; readonly cases: number; readonly factsDir: string };
  /** Show a `> ` prompt; for a person at a terminal, not for piped input. */
  readonly prompt?: boolean;
  /**
   * Print each input line after a `> `, for piped input: the output then reads as the same session
   * at a terminal (where the terminal itself shows what was typed after the prompt).
   */
  readonly echo?: boolean;
  /** Where the logs are written when not on stderr; the banner names it. */
  readonly logFile?: string;
  /** Stands in for the Discord user id (paging ownership, cooldown). */
  readonly userId?: string;
}

export const HELP = [
  'Commands:',
  '  /case <question>                 ask, e.g. /case who found the tick',
  '  /case query:<question> private:true   the same, as an ephemeral reply',
  '  /case <question> case:<id>       answer from that case only',
  '  /check <message text>            check a message against the facts (as the message command does)',
  '  more / back                      next / previous page of the last answer',
  '  /case-admin reload               re-read the facts folder',
  '  /case-admin status               facts loaded, last reload, uptime, knowledge gaps',
  '  /case-admin gaps [case] [days]   questions without a good answer, answers voted 👎 (all servers)',
  '  /case-admin default-case case:<id>   the case answers come from (no case: clear)',
  '  help                             this list',
  '  quit                             leave (or Ctrl-D)',
  'A line without a command is asked as a question.',
].join('\n');

/**
 * A folder as the banner shows it: relative (`./facts`) when it is inside the working directory,
 * as people type it and as the README shows it, else absolute.
 *
 * @example
 * shownFolder('/home/me/casebot/facts', '/home/me/casebot') // './facts'
 * shownFolder('/srv/facts', '/home/me/casebot') // '/srv/facts'
 */
export function shownFolder(folder: string, cwd: string): string {
  const relative = path.relative(cwd, folder);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return folder;
  return `.${path.sep}${relative}`;
}

/** The console's settings (its default case) are kept under this server id, '' as outside a server. */
const CONSOLE_GUILD = '';

/** Where the last answer is, so `more` and `back` can press its buttons. */
interface Paging {
  readonly page: number;
  /** The custom_id of the enabled button leading to each page. */
  readonly reachable: ReadonlyMap<number, string>;
}

function pagingOf(reply: Reply, page: number): Paging | null {
  const reachable = new Map<number, string>();
  for (const row of reply.components ?? []) {
    for (const button of row.components) {
      if (!('custom_id' in button) || button.disabled === true) continue;
      // Back is the first paging button and More the last, whatever their ids carry (signed or a session).
      if (!isPageButton(button.custom_id) || !('label' in button)) continue;
      if (button.label === '◀ Back') reachable.set(page - 1, button.custom_id);
      else if (button.label === 'More ▶') reachable.set(page + 1, button.custom_id);
    }
  }
  return reachable.size === 0 ? null : { page, reachable };
}

/**
 * Reads commands line by line until `quit` or end of input and prints each reply as text.
 * Resolves when done; never exits the process.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { bot, output } = options;
  const userId = options.userId ?? 'console';
  const print = (text: string): void => {
    output.write(`${text}\n`);
  };
  const { facts, cases, factsDir } = options.loaded;
  print(`casebot console: ${facts} ${facts === 1 ? 'fact' : 'facts'} in ${cases} ${cases === 1 ? 'case' : 'cases'} from ${factsDir}`);
  print('Ask with /case <question> (e.g. /case jaxa); more/back to page, help for all commands, quit or Ctrl-D to leave.');
  if (options.logFile !== undefined) print(`Logs go to ${options.logFile}.`);

  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  const prompt = (): void => {
    if (options.prompt === true) output.write('> ');
  };
  let paging: Paging | null = null;
  let count = 0;

  prompt();
  for await (const line of lines) {
    count += 1;
    if (options.echo === true) print(`> ${stripControl(line)}`.trimEnd());
    const command = parseConsoleCommand(line);
    switch (command.kind) {
      case 'empty':
        break;
      case 'quit':
        lines.close();
        return;
      case 'help':
        print(HELP);
        break;
      case 'invalid':
        print(command.message);
        break;
      case 'case': {
        // Whoever runs the console holds the facts folder: a moderator (private answers show ids).
        // Nobody can click 👍 / 👎 here; the question is still recorded if it was answered badly.
        const reply = withoutVoteButtons(
          await bot.handleCase({
            query: command.query,
            private: command.private,
            userId,
            moderator: true,
            interactionId: `console-${count}`,
            caseId: command.caseId,
            guildId: CONSOLE_GUILD,
          }),
        );
        if (reply.outcome === 'answered') paging = pagingOf(reply, 0);
        print(renderReplyAsText(reply));
        break;
      }
      case 'check':
        print(renderReplyAsText(options.check.handleCheck({ text: command.text, userId, interactionId: `console-${count}` })));
        break;
      case 'more':
      case 'back': {
        if (paging === null) {
          print('Nothing to page through; ask something with /case first.');
          break;
        }
        const target: number = paging.page + (command.kind === 'more' ? 1 : -1);
        const customId = paging.reachable.get(target);
        if (customId === undefined) {
          print(command.kind === 'more' ? 'That was the last page.' : 'Already at the first page.');
          break;
        }
        const reply: Awaited<ReturnType<CaseBot['handlePageButton']>> = withoutVoteButtons(
          await bot.handlePageButton({ customId, userId }),
        );
        paging = reply.update ? pagingOf(reply, target) : null;
        print(renderReplyAsText(reply));
        break;
      }
      case 'reload':
        print(renderReplyAsText(await bot.handleReload({ by: 'console' })));
        break;
      case 'status':
        print(renderReplyAsText(bot.handleStatus({ guildId: CONSOLE_GUILD })));
        break;
      case 'default-case':
        print(renderReplyAsText(bot.handleDefaultCase({ guildId: CONSOLE_GUILD, caseId: command.caseId, by: 'console' })));
        break;
      case 'gaps':
        // No guild id: whoever runs the console holds the database, so it reports every server.
        print(
          renderReplyAsText(
            await bot.handleGaps({
              ...(command.caseId === undefined ? {} : { caseId: command.caseId }),
              ...(command.days === undefined ? {} : { days: command.days }),
            }),
          ),
        );
        break;
    }
    prompt();
  }
}
