/**
 * The Japanese names and descriptions of the commands and their options, as a Japanese Discord
 * client shows them (`name_localizations` / `description_localizations`). Discord still sends the
 * English names in interactions, so routing never sees these. Replies come from the catalogs in
 * src/answer/locale/, whose Japanese text names the commands as written here.
 */
import type { LocalizationMap } from 'discord.js';
import { DEFAULT_GAPS_DAYS } from '../../app/gaps-commands.js';

export interface LocalizedText {
  /** Slash command and option names: lowercase, 1–32 characters, no spaces. */
  readonly name: string;
  /** 1–100 characters. */
  readonly description: string;
}

/** Keyed by the English path: `command`, `command option`, `command subcommand option`. */
export const JA_COMMANDS = {
  case: { name: '事件', description: '事件について質問します。回答には必ず根拠となる出典の文を添えます。' },
  'case query': { name: '質問', description: '質問または数語のキーワード（例: 「ダニを見つけたのは誰」）' },
  'case private': { name: '非公開', description: '自分だけに回答を表示します（既定: チャンネルの全員に表示）' },
  'case case': { name: '事件', description: 'どの事件から回答するか（既定: サーバーの既定の事件、なければ最も合う事件）' },
  'case mention': { name: '宛先', description: 'このメンバー宛てに回答し、その人だけに通知します（非公開では無効）' },
  'case-admin': { name: '事件管理', description: '事件の事実を管理するモデレーター用のツールです。' },
  'case-admin reload': { name: '再読み込み', description: '事実のフォルダーを読み直します。エラーがあれば現在の事実を使い続けます。' },
  'case-admin status': { name: '状態', description: '読み込んだ事実、最後の再読み込み、稼働時間、メモリを表示します。' },
  'case-admin gaps': { name: '未回答', description: 'このサーバーで答えられなかった質問と、👎 が多い回答を表示します。' },
  'case-admin gaps case': { name: '事件', description: 'この事件だけ（ID）。既定: すべての事件' },
  'case-admin gaps days': { name: '日数', description: `直近の日数（今日を含む。既定: ${DEFAULT_GAPS_DAYS}日）` },
  'case-admin default-case': {
    name: '既定の事件',
    description: 'このサーバーで /事件 が回答に使う事件を設定します（事件を空にすると解除）。',
  },
  'case-admin default-case case': { name: '事件', description: '事件のID。空: 既定なし' },
} as const satisfies Readonly<Record<string, LocalizedText>>;

/** The message command's Japanese name (message commands have no description; spaces and capitals allowed). */
export const JA_CHECK_MESSAGE = '事件の事実と照合';

/** What slash-command, subcommand and option builders share. */
interface Localizable<T> {
  setNameLocalizations(localizedNames: LocalizationMap | null): T;
  setDescriptionLocalizations(localizedDescriptions: LocalizationMap | null): T;
}

/**
 * Sets the builder's Japanese name and description.
 *
 * @example
 * inJapanese(new SlashCommandBuilder().setName('case').setDescription('…'), 'case')
 */
export function inJapanese<T extends Localizable<T>>(builder: T, path: keyof typeof JA_COMMANDS): T {
  const text: LocalizedText = JA_COMMANDS[path];
  return builder.setNameLocalizations({ ja: text.name }).setDescriptionLocalizations({ ja: text.description });
}
