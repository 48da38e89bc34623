/**
 * The Japanese catalog (polite です/ます, short, as Discord bots write). Typed against the English
 * one: a missing or extra key does not compile. Commands are named as a Japanese client shows them
 * (`/事件`, `/事件管理`: see src/bot/commands/localizations.ts).
 */
import type { Messages } from './en.js';

export const ja: Messages = {
  'list.separator': '、',
  'list.and': 'と',
  quoted: '「{text}」',
  sentence: '{text}。',

  'answer.results_one': '{count}件',
  'answer.results_other': '{count}件',
  'answer.range': '{total}件中 {range}件目',
  'answer.header': '{query}の検索結果: {count}',
  'answer.rest': '{missing}。以下は質問のほかの部分への回答です。',
  'answer.unmatched': '{words}に触れている事実はありません',
  'answer.unmatchedMore': '{words}ほか{count}語',
  'answer.ids': '事件 {case} · 事実 {fact}',
  'answer.sameSentence': '↑ 上に引用したものと同じ出典の文です · {source}',
  'answer.moreSources_one': '…ほか{count}件の出典',
  'answer.moreSources_other': '…ほか{count}件の出典',
  'source.sentence': '全{of}文中 第{first}文',
  'source.sentences': '全{of}文中 第{first}–{last}文',

  'paging.back': '◀ 前へ',
  'paging.page': '{page} / {pages} ページ',
  'paging.more': '次へ ▶',
  'paging.refused': 'ページを切り替えられるのは質問した人だけです。ご自身で `/事件` を実行してください。',
  'paging.expired': 'このボタンは期限切れです。もう一度 `/事件` を実行してください。',

  'noMatch.none': '{query}に一致する事実は見つかりませんでした。',
  'noMatch.topicless': '{query}には検索できる語がありません。',
  'noMatch.didYouMean': 'もしかして: {suggestions}',
  'noMatch.tip': '語を減らすか、名前や日付で試してください。',
  'noMatch.tipTopicless': '人名、地名、組織、出来事、日付などについて質問してください。',
  'noMatch.cases': '扱っている事件: {titles}',

  error:
    'こちら側で問題が発生しました。参照番号: `{reference}` — 少し待ってからもう一度お試しください。報告の際は参照番号をお知らせください。',
  cooldown_one:
    '-# この回答はあなたにだけ表示されています。間隔をあけずに質問されたため、チャンネルには投稿していません（{count}秒後から再び公開で回答します）。',
  cooldown_other:
    '-# この回答はあなたにだけ表示されています。間隔をあけずに質問されたため、チャンネルには投稿していません（{count}秒後から再び公開で回答します）。',
  queryTooLong: '質問が長すぎます。{max}文字以内にしてください。',
  unknownCommand: '不明なコマンドです。',
  unknownButton: 'このボタンは現在使われていません。`/事件` でもう一度質問してください。',
  starting: 'casebot を起動しています。数秒後にもう一度お試しください。',
  'admin.outsideGuild': '/事件管理 はサーバー内でのみ使えます（モデレーターを確認するためです）。',
  'admin.notPermitted': '/事件管理 はモデレーター専用です。「サーバー管理」権限またはモデレーターのロールが必要です。',

  'vote.up': '👍 役に立った',
  'vote.down': '👎 役に立たなかった',
  'vote.thanks': 'ありがとうございます。記録しました。',
  'vote.changed': 'ありがとうございます。投票を{emoji}に変更しました。',
  'vote.expired': 'この回答は古いため投票できません。投票するには `/事件` でもう一度質問してください。',
  'vote.gone': 'この回答の後にボットが再起動したため、このボタンでは投票できません。投票するには `/事件` でもう一度質問してください。',
  'vote.off': '現在、投票は受け付けていません。',
  'vote.failed': '申し訳ありません。投票を記録できませんでした。しばらくしてからもう一度お試しください。',

  'check.on': '{claim}について',
  'check.onMore_one': '{claim}ほか{count}件の主張について',
  'check.onMore_other': '{claim}ほか{count}件の主張について',
  'check.header_one': '{checked}に関係する**事件の事実: {count}件** — 出典を読んで、ご自身で判断してください。',
  'check.header_other': '{checked}に関係する**事件の事実: {count}件** — 出典を読んで、ご自身で判断してください。',
  'check.claims': 'このメッセージの{count}件の主張',
  'check.unanswered': '{claims}に関係する事件の事実はありません。',
  'check.noMatch': 'このメッセージに関係する事件の事実はありません。',
  'check.checked_one': '確認した主張: {claims}',
  'check.checked_other': '確認した主張（{count}件）: {claims}',
  'check.truncated': 'メッセージが長いため、最初の{max}件の主張（または冒頭部分）だけを確認しました。',
  'check.tryCase': '事実がこの内容を扱っていないかもしれません。`/事件` で名前、場所、日付を指定してお試しください。',
  'check.linkOnly': 'このメッセージはリンクだけです。確認できるのはメッセージの文章で、リンク先の内容は確認できません。',
  'check.noWords': 'このメッセージには確認できる文章がありません（メンション、絵文字、ありふれた語だけです）。',
  'check.noTextOnly': 'このメッセージには確認できる文章がありません（{what}だけです）。',
  'check.noText': 'このメッセージには確認できる文章がありません。',
  'check.embeds': '埋め込み',
  'check.attachments': '添付ファイル',
};
