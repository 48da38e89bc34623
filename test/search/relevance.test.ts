import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answeredOfftopic,
  BLIND_SETS,
  loadRelevanceSets,
  scoreGroup,
  type BlindSet,
  type JudgedQuery,
  type NamedSets,
  type RelevanceSets,
} from '../../src/bench/relevance.js';
import { loadFactsDir } from '../../src/facts/load.js';
import { formatLoadError } from '../../src/facts/types.js';
import { buildIndex } from '../../src/search/build-index.js';
import type { FactIndex } from '../../src/search/fact-index.js';
import { loadLanguage, type Language } from '../../src/search/language.js';
import { EVERYDAY_QUESTIONS } from '../../src/search/semantic/everyday-questions.js';

/**
 * Floors on the relevance judgments in test/relevance/ (see its README). The floors sit a little
 * under what the search measures today (README, "Answer quality"), so a change that makes answers
 * worse fails here; raise them when the search gets better, never lower them to let a change pass.
 */
const FLOORS = {
  keyword: { hitAt3: 0.97, mrr: 0.93 },
  member: { hitAt3: 0.96, mrr: 0.92 },
  // Lowered once to 0.94 / 0.92 by a measured trade (session 8: ALIAS_WORDS_SHARE lost 2 of these
  // 39); back at 0.97 / 0.94 since Japanese request wrappers are grammar (session 9).
  japanese: { hitAt3: 0.97, mrr: 0.94 },
} as const;
/** The blind sets (blind*.yaml), each used for development since its first measurement (its header). */
const BLIND_FLOORS: Readonly<Record<BlindSet, Readonly<Record<'member' | 'japanese', { hitAt3: number; mrr: number }>>>> = {
  blind: { member: { hitAt3: 0.96, mrr: 0.9 }, japanese: { hitAt3: 0.9, mrr: 0.8 } },
  blind2: { member: { hitAt3: 0.95, mrr: 0.85 }, japanese: { hitAt3: 0.9, mrr: 0.8 } },
  blind3: { member: { hitAt3: 0.97, mrr: 0.9 }, japanese: { hitAt3: 0.9, mrr: 0.85 } },
  blind4: { member: { hitAt3: 0.95, mrr: 0.85 }, japanese: { hitAt3: 0.95, mrr: 0.9 } },
  // Japanese lowered from 0.85 / 0.75 by a measured trade (session 12: 216 more moderator questions
  // and text-weighted fact vectors lost "その男は何のためにセキュリティソフトを欲しがってたの" here while
  // 25 more member and Japanese questions of the development sets were answered; README).
  blind5: { member: { hitAt3: 0.87, mrr: 0.85 }, japanese: { hitAt3: 0.8, mrr: 0.7 } },
  blind6: { member: { hitAt3: 0.95, mrr: 0.9 }, japanese: { hitAt3: 0.95, mrr: 0.9 } },
  blind7: { member: { hitAt3: 0.97, mrr: 0.85 }, japanese: { hitAt3: 0.9, mrr: 0.8 } },
  blind8: { member: { hitAt3: 0.95, mrr: 0.9 }, japanese: { hitAt3: 0.95, mrr: 0.95 } },
  blind9: { member: { hitAt3: 0.9, mrr: 0.8 }, japanese: { hitAt3: 0.95, mrr: 0.9 } },
  blind10: { member: { hitAt3: 0.97, mrr: 0.9 }, japanese: { hitAt3: 0.9, mrr: 0.85 } },
  blind11: { member: { hitAt3: 0.97, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.9 } },
  blind12: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.85 } },
  blind13: { member: { hitAt3: 0.92, mrr: 0.88 }, japanese: { hitAt3: 0.97, mrr: 0.88 } },
  blind14: { member: { hitAt3: 0.9, mrr: 0.82 }, japanese: { hitAt3: 0.92, mrr: 0.85 } },
  blind15: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.88 } },
  blind16: { member: { hitAt3: 0.97, mrr: 0.92 }, japanese: { hitAt3: 0.92, mrr: 0.88 } },
  blind17: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.92 } },
  blind18: { member: { hitAt3: 0.9, mrr: 0.83 }, japanese: { hitAt3: 0.97, mrr: 0.9 } },
  blind19: { member: { hitAt3: 0.9, mrr: 0.86 }, japanese: { hitAt3: 0.97, mrr: 0.9 } },
  blind20: { member: { hitAt3: 0.95, mrr: 0.9 }, japanese: { hitAt3: 0.95, mrr: 0.85 } },
  blind21: { member: { hitAt3: 0.95, mrr: 0.9 }, japanese: { hitAt3: 0.9, mrr: 0.85 } },
  blind22: { member: { hitAt3: 0.87, mrr: 0.83 }, japanese: { hitAt3: 0.87, mrr: 0.85 } },
  blind23: { member: { hitAt3: 0.9, mrr: 0.8 }, japanese: { hitAt3: 0.95, mrr: 0.88 } },
  blind24: { member: { hitAt3: 0.97, mrr: 0.93 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind25: { member: { hitAt3: 0.92, mrr: 0.88 }, japanese: { hitAt3: 0.92, mrr: 0.88 } },
  blind26: { member: { hitAt3: 0.92, mrr: 0.88 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind27: { member: { hitAt3: 0.95, mrr: 0.9 }, japanese: { hitAt3: 0.92, mrr: 0.88 } },
  blind28: { member: { hitAt3: 0.95, mrr: 0.88 }, japanese: { hitAt3: 0.87, mrr: 0.8 } },
  blind29: { member: { hitAt3: 0.9, mrr: 0.85 }, japanese: { hitAt3: 0.87, mrr: 0.85 } },
  blind30: { member: { hitAt3: 0.97, mrr: 0.9 }, japanese: { hitAt3: 0.92, mrr: 0.85 } },
  blind31: { member: { hitAt3: 0.9, mrr: 0.88 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind32: { member: { hitAt3: 0.85, mrr: 0.8 }, japanese: { hitAt3: 0.87, mrr: 0.8 } },
  blind33: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind34: { member: { hitAt3: 0.92, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind35: { member: { hitAt3: 0.87, mrr: 0.87 }, japanese: { hitAt3: 0.92, mrr: 0.92 } },
  blind36: { member: { hitAt3: 0.92, mrr: 0.85 }, japanese: { hitAt3: 0.97, mrr: 0.92 } },
  blind37: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind38: { member: { hitAt3: 0.95, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind39: { member: { hitAt3: 0.92, mrr: 0.87 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind40: { member: { hitAt3: 0.95, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind41: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind42: { member: { hitAt3: 0.95, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind43: { member: { hitAt3: 0.95, mrr: 0.9 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind44: { member: { hitAt3: 0.95, mrr: 0.87 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind45: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind46: { member: { hitAt3: 0.9, mrr: 0.88 }, japanese: { hitAt3: 0.97, mrr: 0.92 } },
  blind47: { member: { hitAt3: 0.87, mrr: 0.83 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  // Member MRR lowered by 0.01 by a measured trade (session 19: 1498 more everyday lines lost one
  // question here, five over the sets read before, for fewer off-topic ones answered; README).
  blind48: { member: { hitAt3: 0.85, mrr: 0.79 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind49: { member: { hitAt3: 0.9, mrr: 0.85 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind50: { member: { hitAt3: 0.92, mrr: 0.88 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind51: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind52: { member: { hitAt3: 0.9, mrr: 0.88 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind53: { member: { hitAt3: 0.92, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.92 } },
  blind54: { member: { hitAt3: 0.95, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind55: { member: { hitAt3: 0.97, mrr: 0.92 }, japanese: { hitAt3: 0.92, mrr: 0.88 } },
  blind56: { member: { hitAt3: 0.92, mrr: 0.85 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind57: { member: { hitAt3: 0.92, mrr: 0.88 }, japanese: { hitAt3: 0.87, mrr: 0.85 } },
  blind58: { member: { hitAt3: 0.95, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind59: { member: { hitAt3: 0.85, mrr: 0.8 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind60: { member: { hitAt3: 0.92, mrr: 0.88 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind61: { member: { hitAt3: 0.9, mrr: 0.82 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind62: { member: { hitAt3: 0.85, mrr: 0.8 }, japanese: { hitAt3: 0.87, mrr: 0.85 } },
  blind63: { member: { hitAt3: 0.95, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind64: { member: { hitAt3: 0.87, mrr: 0.83 }, japanese: { hitAt3: 0.97, mrr: 0.92 } },
  blind65: { member: { hitAt3: 0.8, mrr: 0.78 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind66: { member: { hitAt3: 0.95, mrr: 0.92 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind67: { member: { hitAt3: 0.9, mrr: 0.85 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind68: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind69: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.87, mrr: 0.85 } },
  blind70: { member: { hitAt3: 0.9, mrr: 0.87 }, japanese: { hitAt3: 0.92, mrr: 0.92 } },
  blind71: { member: { hitAt3: 0.92, mrr: 0.87 }, japanese: { hitAt3: 0.87, mrr: 0.87 } },
  blind72: { member: { hitAt3: 0.95, mrr: 0.85 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind73: { member: { hitAt3: 0.95, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind74: { member: { hitAt3: 0.8, mrr: 0.8 }, japanese: { hitAt3: 0.92, mrr: 0.87 } },
  blind75: { member: { hitAt3: 0.92, mrr: 0.92 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind76: { member: { hitAt3: 0.97, mrr: 0.92 }, japanese: { hitAt3: 0.92, mrr: 0.8 } },
  // Member MRR lowered by 0.01 by a measured trade (session 19: 1498 more everyday lines lost one
  // question here, five over the sets read before, for fewer off-topic ones answered; README).
  blind77: { member: { hitAt3: 0.85, mrr: 0.82 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind78: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.95 } },
  blind79: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind80: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.92, mrr: 0.88 } },
  blind81: { member: { hitAt3: 0.8, mrr: 0.78 }, japanese: { hitAt3: 0.92, mrr: 0.87 } },
  blind82: { member: { hitAt3: 0.85, mrr: 0.78 }, japanese: { hitAt3: 0.97, mrr: 0.92 } },
  blind83: { member: { hitAt3: 0.87, mrr: 0.85 }, japanese: { hitAt3: 0.87, mrr: 0.87 } },
  blind84: { member: { hitAt3: 0.92, mrr: 0.88 }, japanese: { hitAt3: 0.97, mrr: 0.87 } },
  blind85: { member: { hitAt3: 0.9, mrr: 0.85 }, japanese: { hitAt3: 0.92, mrr: 0.9 } },
  blind86: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.98, mrr: 0.98 } },
  blind87: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.98, mrr: 0.98 } },
  blind88: { member: { hitAt3: 0.98, mrr: 0.9 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind89: { member: { hitAt3: 0.98, mrr: 0.98 }, japanese: { hitAt3: 0.98, mrr: 0.88 } },
  blind90: { member: { hitAt3: 0.98, mrr: 0.95 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind91: { member: { hitAt3: 0.94, mrr: 0.86 }, japanese: { hitAt3: 0.98, mrr: 0.88 } },
  blind92: { member: { hitAt3: 0.98, mrr: 0.94 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind93: { member: { hitAt3: 0.98, mrr: 0.85 }, japanese: { hitAt3: 0.98, mrr: 0.81 } },
  blind94: { member: { hitAt3: 0.94, mrr: 0.9 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind95: { member: { hitAt3: 0.98, mrr: 0.94 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind96: { member: { hitAt3: 0.98, mrr: 0.93 }, japanese: { hitAt3: 0.88, mrr: 0.73 } },
  blind97: { member: { hitAt3: 0.94, mrr: 0.95 }, japanese: { hitAt3: 0.98, mrr: 0.98 } },
  blind98: { member: { hitAt3: 0.94, mrr: 0.93 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind99: { member: { hitAt3: 0.94, mrr: 0.9 }, japanese: { hitAt3: 0.98, mrr: 0.88 } },
  blind100: { member: { hitAt3: 0.98, mrr: 0.93 }, japanese: { hitAt3: 0.98, mrr: 0.88 } },
  blind101: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.88, mrr: 0.78 } },
  blind102: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.98, mrr: 0.88 } },
  blind103: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind104: { member: { hitAt3: 0.98, mrr: 0.98 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind105: { member: { hitAt3: 0.94, mrr: 0.93 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind106: { member: { hitAt3: 0.98, mrr: 0.94 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind107: { member: { hitAt3: 0.98, mrr: 0.94 }, japanese: { hitAt3: 0.98, mrr: 0.88 } },
  blind108: { member: { hitAt3: 0.98, mrr: 0.94 }, japanese: { hitAt3: 0.98, mrr: 0.98 } },
  blind109: { member: { hitAt3: 0.98, mrr: 0.94 }, japanese: { hitAt3: 0.98, mrr: 0.91 } },
  blind110: { member: { hitAt3: 0.88, mrr: 0.88 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind111: { member: { hitAt3: 0.94, mrr: 0.88 }, japanese: { hitAt3: 0.98, mrr: 0.91 } },
  blind112: { member: { hitAt3: 0.98, mrr: 0.94 }, japanese: { hitAt3: 0.78, mrr: 0.82 } },
  blind113: { member: { hitAt3: 0.98, mrr: 0.95 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind114: { member: { hitAt3: 0.98, mrr: 0.9 }, japanese: { hitAt3: 0.98, mrr: 0.98 } },
  blind115: { member: { hitAt3: 0.94, mrr: 0.91 }, japanese: { hitAt3: 0.88, mrr: 0.83 } },
  blind116: { member: { hitAt3: 0.98, mrr: 0.94 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind117: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind118: { member: { hitAt3: 0.98, mrr: 0.87 }, japanese: { hitAt3: 0.98, mrr: 0.98 } },
  blind119: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind120: { member: { hitAt3: 0.91, mrr: 0.89 }, japanese: { hitAt3: 0.88, mrr: 0.73 } },
  blind121: { member: { hitAt3: 0.98, mrr: 0.9 }, japanese: { hitAt3: 0.98, mrr: 0.88 } },
  blind122: { member: { hitAt3: 0.94, mrr: 0.86 }, japanese: { hitAt3: 0.98, mrr: 0.88 } },
  blind123: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.98, mrr: 0.93 } },
  blind124: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.98, mrr: 0.98 } },
  blind125: { member: { hitAt3: 0.94, mrr: 0.93 }, japanese: { hitAt3: 0.98, mrr: 0.88 } },
  blind126: { member: { hitAt3: 0.98, mrr: 0.98 }, japanese: { hitAt3: 0.98, mrr: 0.98 } },
  blind127: { member: { hitAt3: 0.98, mrr: 0.96 }, japanese: { hitAt3: 0.98, mrr: 0.91 } },
  blind128: { member: { hitAt3: 0.94, mrr: 0.91 }, japanese: { hitAt3: 0.98, mrr: 0.98 } },
  blind129: { member: { hitAt3: 0.98, mrr: 0.93 }, japanese: { hitAt3: 0.78, mrr: 0.71 } },
  blind130: { member: { hitAt3: 0.97, mrr: 0.94 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind131: { member: { hitAt3: 0.95, mrr: 0.93 }, japanese: { hitAt3: 0.97, mrr: 0.88 } },
  blind132: { member: { hitAt3: 0.97, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind133: { member: { hitAt3: 0.97, mrr: 0.96 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind134: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind135: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.9 } },
  blind136: { member: { hitAt3: 0.97, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind137: { member: { hitAt3: 0.97, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.88 } },
  blind138: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind139: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind140: { member: { hitAt3: 0.97, mrr: 0.94 }, japanese: { hitAt3: 0.88, mrr: 0.88 } },
  blind141: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind142: { member: { hitAt3: 0.97, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind143: { member: { hitAt3: 0.95, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind144: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind145: { member: { hitAt3: 0.95, mrr: 0.93 }, japanese: { hitAt3: 0.97, mrr: 0.92 } },
  blind146: { member: { hitAt3: 0.92, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind147: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.88 } },
  blind148: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind149: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind150: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.85 } },
  blind151: { member: { hitAt3: 0.97, mrr: 0.92 }, japanese: { hitAt3: 0.97, mrr: 0.83 } },
  blind152: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind153: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind154: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind155: { member: { hitAt3: 0.88, mrr: 0.85 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind156: { member: { hitAt3: 0.97, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.83 } },
  blind157: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind158: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind159: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind160: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind161: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind162: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind163: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind164: { member: { hitAt3: 0.97, mrr: 0.9 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind165: { member: { hitAt3: 0.97, mrr: 0.93 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind166: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind167: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.88 } },
  blind168: { member: { hitAt3: 0.95, mrr: 0.93 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind169: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind170: { member: { hitAt3: 0.95, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.88 } },
  blind171: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind172: { member: { hitAt3: 0.95, mrr: 0.93 }, japanese: { hitAt3: 0.88, mrr: 0.9 } },
  blind173: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind174: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind175: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind176: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind177: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.88 } },
  blind178: { member: { hitAt3: 0.95, mrr: 0.93 }, japanese: { hitAt3: 0.97, mrr: 0.93 } },
  blind179: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind180: { member: { hitAt3: 0.97, mrr: 0.97 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
  blind181: { member: { hitAt3: 0.97, mrr: 0.95 }, japanese: { hitAt3: 0.97, mrr: 0.97 } },
};
/** The held-out set (holdout.yaml): floors as well, so that what generalises stays. */
const HOLDOUT_FLOORS = {
  member: { hitAt3: 0.96, mrr: 0.88 },
  japanese: { hitAt3: 0.95, mrr: 0.95 },
} as const;
/**
 * Off-topic questions that still get an answer. The goal is none; today none of the 33 development
 * ones does, nor of the held-out set's 24 (since session 19; README, "Answer quality"). These ceilings only go down,
 * but twice they went up by a measured trade: 170 more moderator questions (session 6) lifted held-out
 * member hit@3 from 0.886 to 0.957 and answered 2 more development and 1 more held-out off-topic
 * question; 216 more (session 12) answered 25 more member and Japanese questions of the development
 * sets and 3 more of their off-topic ones in all (blind, blind3, blind4 up; blind5, blind6 down).
 */
const MAX_OFFTOPIC_ANSWERED = 0;
const MAX_HOLDOUT_OFFTOPIC_ANSWERED = 0;
/**
 * Off-topic questions of each blind set still answered, at most. blind (116): 16 before session 8's
 * changes, 8 after, 3 after session 9's, 0 after session 11's. blind2 (50): 13 at the start of
 * session 9, 6 after it, 1 after session 11. blind3 and blind4 (37 and 38, session 11): 11 and 12 at
 * their first measurement, 1 and 2 after the rules chosen on them. blind5 (39, end of session 11): 5 at
 * its first measurement, after that session's rules (6 before them). blind6 (39, start of session 12):
 * 10 at its first measurement. After session 12 (more moderator questions; the rules on the day's
 * news, "you" meaning anyone, years and names the case does not know): 1, 1, 3, 3, 3, 4. blind7 (39,
 * session 12): 11 at its first measurement, after them (12 before); 5 after the rules chosen on it
 * (what is coming, "lately", the law and work in general), with blind3 at 1, blind4 at 2 and blind6
 * at 5 ("right now" is no cue after all: a member of blind7 asks "are the police hunting anyone
 * right now"). blind8 (39, end of session 12): 4 at its first measurement, as a fresh check of the
 * session's changes (6 with the engine before them); then read, and 3 after the rules chosen on
 * it (Japanese incidents named before の, a person's life outside the case), with blind6 at 3.
 * blind9 (39, end of session 12): 5 at its first measurement, as a fresh check of all of session 12's
 * changes (9 with the engine before them); not read. blind10 (38, start of session 13): 10 at its
 * first measurement, with the engine of the end of session 12; then read, and 2 after the rules
 * chosen on it (a person's office today, how big an entity is, what is hit most, a law by its name,
 * a numbered thing the case does not know), with blind5 at 1, blind6 at 2 and blind7 at 3; 0 after
 * the next ones (a class of people, the one an office acts on, another group named by its owner,
 * "tick tock"), with blind4 at 0, blind6 at 1 and blind9 (still not read) at 4. blind11 (39, start
 * of session 13): 9 at its first measurement, with the engine of the end of session 12, 5 after
 * the rules chosen on blind10 (a fresh check of them); then read, and 2 after the rules chosen on it
 * (what will be, a class of people acted on; 1 with "recently" as "lately"). blind12 (40, session 13): 17 at its first
 * measurement with the engine of the start of session 13, 9 with that session's rules chosen on
 * blind10 and blind11 (a fresh check of them); then read, and 5 after the rules chosen on it (what
 * will be, whatever the verb; getting a job; a budget; when a body was founded). Then a question
 * about a kind of thing in general is answered only by a moderator's question: blind7 at 1, blind9
 * (not read) at 3; and one asking what a thing is called only by a fact naming it: blind12 at 2.
 * blind13 (39, session 13): 10 with the engine of the start of session 13, 5 after its first part,
 * measured as a fresh check of it; then read, and 3 after the rules chosen on it (what someone said
 * about a topic no fact mentions). blind14 (39, session 13): 20 with the engine of the start of
 * session 13, 15 after its first part, 14 with the rules chosen on blind13 (a fresh check of them);
 * then read, and 9 after the rules chosen on it (what a law says, who came after someone, an amount,
 * a unit's name, 個人情報流出; how a word is used: 8), with blind9 (not read) at 2. blind15 (40,
 * session 13): 11 with the engine of the start of session 13, 4 with the rules chosen on blind10–14
 * (a fresh check of them); then read, and 4 after the rules chosen on it (frames of a claim, a
 * period asked for, security jargon), which were for its member questions (0.825 → 0.950).
 * blind16 and blind17 (40 and 39, end of session 13): 14 and 9 with the engine of the start of the
 * session, 8 and 7 with all the rules chosen on blind10–15 (a fresh check of them); blind16 was then
 * read, and 3 after the rules chosen on it (an opinion on what should be done, how many people work
 * somewhere, the name of a person no fact names), with blind14 at 7 and blind15 at 1; blind17 was
 * read last, and 0 after the rules chosen on it (a hypothetical sentence, what a body has, a brand,
 * a bounty, what the police do next as the case's). blind18 and blind19 (40 each, end of session
 * 13): 10 and 16 with the engine of the start of the session, 5 and 6 at its end — its final fresh
 * check; not read. Session 14: blind20 and blind21 (39 and 40) were measured with the engine of the
 * session's start (6 and 4); blind20 was read, blind21 kept unread as the session's fresh check (2 at
 * its end). blind22–29 (40 each; blind28 39) were each measured with the rules chosen on the sets
 * before them (3, 3, 2, 8, 4, 6, 5 and 0; 3, 3, 3, 8, 4, 7, 7 and 3 with the engine of the session's
 * start), then read; blind30–33 likewise (4, 2, 4 of 39 and 3; 5, 3, 5 and 6). Every ceiling below
 * was the count at the end of session 14: 88 → 24 of the 1261 off-topic questions of the development
 * sets answered, 25 → 11 of the 744 older ones. Session 15: blind34–37 were measured with the engine
 * of the session's start (8, 6 of 38, 6 of 38 and 4), blind35 and blind37 also with the rules chosen
 * on blind34 and blind36 (5 and 4), blind38 and blind39 with the start's engine and the rules chosen
 * on blind34–37 (7 → 7, 5 → 5), blind40 and blind41 with the start's engine and the rules chosen on
 * blind34–38 (4 → 4, 5 → 4); blind42–45 with the start's engine and the rules chosen on blind34–41
 * (8 → 6, 8 → 5, 6 of 39 → 3, 8 → 5); blind46–49 with the start's engine and the rules chosen on
 * blind34–44 (9 → 5, 7 → 5, 7 of 39 → 4, 4 → 3); all but blind39, blind45 and blind49, kept unread
 * as the session's fresh checks, were then read; blind50–53, the final fresh check, were measured
 * with the start's engine and all of the session's rules (6 of 39 → 2, 4 → 0, 4 → 1, 5 → 1) and
 * not read; blind54–57 were measured the same way (4 → 2, 5 → 4, 6 → 3, 4 of 39 → 3), then read for
 * the session's last rules. Session 16: blind58–61 were measured with the engine of the session's
 * start (2, 4 of 39, 2, 1 of 39) and read; blind66–69, blind70–73, blind74–77 and blind78–81 with the
 * start's engine and the rules chosen on the rounds before (6 → 4, 3 → 1, 2 → 2, 3 → 3; 5 → 4, 6 → 6,
 * 2 → 2, 4 → 3; 3 → 3, 3 → 3, 2 → 2, 1 → 1; 1 → 1, 4 → 3, 2 → 2, 0 → 0), then read; blind62–65, the
 * session's fresh check, with the start's engine and all its rules (4 → 2, 3 → 3, 3 → 2, 2 → 1), and
 * blind82–85, its final one, written after the rules (4 → 3, 2 → 2, 2 → 2, 2 → 2): neither read.
 * Session 17: blind86–105, twenty near-miss sets (80 short lines each, most sharing a word with the
 * case), written in five rounds of four, each measured with the engine of the session's start and
 * the rules chosen on the rounds before; the first two of each round were then read, the other two
 * (blind88–89, 92–93, 96–97, 100–101, 104–105) kept unread as fresh checks; blind106–109, written
 * after all of the session's rules, were measured at its start and end, never read. The ceilings
 * below are the counts at the end of session 17.
 */
const MAX_BLIND_OFFTOPIC_ANSWERED: Readonly<Record<BlindSet, number>> = {
  blind: 0,
  blind2: 1,
  blind3: 0,
  blind4: 0,
  blind5: 1,
  blind6: 0,
  blind7: 0,
  blind8: 2,
  blind9: 2,
  blind10: 0,
  blind11: 0,
  blind12: 0,
  blind13: 0,
  blind14: 4,
  blind15: 0,
  blind16: 0,
  blind17: 0,
  blind18: 2,
  blind19: 3,
  blind20: 0,
  blind21: 0,
  blind22: 0,
  blind23: 1,
  blind24: 0,
  blind25: 1,
  blind26: 0,
  blind27: 1,
  blind28: 1,
  blind29: 0,
  blind30: 1,
  blind31: 0,
  blind32: 1,
  blind33: 1,
  blind34: 1,
  blind35: 2,
  blind36: 1,
  blind37: 1,
  blind38: 0,
  blind39: 2,
  blind40: 1,
  blind41: 1,
  blind42: 1,
  blind43: 0,
  blind44: 0,
  blind45: 2,
  blind46: 1,
  blind47: 2,
  blind48: 1,
  blind49: 2,
  blind50: 1,
  blind51: 0,
  blind52: 0,
  blind53: 0,
  blind54: 1,
  blind55: 1,
  blind56: 0,
  blind57: 0,
  blind58: 0,
  blind59: 0,
  blind60: 0,
  blind61: 0,
  blind62: 2,
  blind63: 3,
  blind64: 2,
  blind65: 1,
  blind66: 1,
  blind67: 0,
  blind68: 1,
  blind69: 0,
  blind70: 1,
  blind71: 2,
  blind72: 0,
  blind73: 1,
  blind74: 2,
  blind75: 2,
  blind76: 0,
  blind77: 0,
  blind78: 1,
  blind79: 0,
  blind80: 0,
  blind81: 0,
  blind82: 2,
  blind83: 2,
  blind84: 2,
  blind85: 2,
  blind86: 0,
  blind87: 0,
  blind88: 0,
  blind89: 0,
  blind90: 1,
  blind91: 0,
  blind92: 0,
  blind93: 0,
  blind94: 0,
  blind95: 1,
  blind96: 1,
  blind97: 0,
  blind98: 0,
  blind99: 0,
  blind100: 0,
  blind101: 0,
  blind102: 2,
  blind103: 0,
  blind104: 0,
  blind105: 1,
  blind106: 2,
  blind107: 2,
  blind108: 2,
  blind109: 1,
  blind110: 0,
  blind111: 0,
  blind112: 1,
  blind113: 0,
  blind114: 1,
  blind115: 1,
  blind116: 1,
  blind117: 0,
  blind118: 0,
  blind119: 2,
  blind120: 0,
  blind121: 1,
  blind122: 1,
  blind123: 0,
  blind124: 0,
  blind125: 0,
  blind126: 0,
  blind127: 4,
  blind128: 0,
  blind129: 1,
  blind130: 0,
  blind131: 0,
  blind132: 0,
  blind133: 0,
  blind134: 1,
  blind135: 1,
  blind136: 0,
  blind137: 0,
  blind138: 1,
  blind139: 2,
  blind140: 2,
  blind141: 3,
  blind142: 0,
  blind143: 0,
  blind144: 0,
  blind145: 0,
  blind146: 2,
  blind147: 1,
  blind148: 2,
  blind149: 2,
  blind150: 0,
  blind151: 1,
  blind152: 0,
  blind153: 1,
  blind154: 1,
  blind155: 0,
  blind156: 2,
  blind157: 4,
  blind158: 0,
  blind159: 0,
  blind160: 1,
  blind161: 0,
  blind162: 2,
  blind163: 3,
  blind164: 4,
  blind165: 2,
  blind166: 0,
  blind167: 1,
  blind168: 0,
  blind169: 1,
  blind170: 0,
  blind171: 1,
  blind172: 0,
  blind173: 1,
  blind174: 0,
  blind175: 1,
  blind176: 0,
  blind177: 0,
  blind178: 1,
  blind179: 0,
  blind180: 1,
  blind181: 0,
};

const root = fileURLToPath(new URL('../../facts', import.meta.url));
let index: FactIndex;
let sets: RelevanceSets;
let language: Language;
const search = (query: string): string[] => index.search(query, { limit: 10 }).hits.map((h) => h.fact.id);
/** Every judged question of every set (not the off-topic ones). */
const allJudged = (): JudgedQuery[] => [
  ...sets.keyword,
  ...sets.member,
  ...sets.japanese,
  ...sets.holdout.member,
  ...sets.holdout.japanese,
  ...sets.blind.flatMap((set) => [...set.member, ...set.japanese]),
];
const blindSet = (name: BlindSet): NamedSets => {
  const set = sets.blind.find((s) => s.name === name);
  if (set === undefined) throw new Error(`no blind set ${name}`);
  return set;
};
const caseOfftopic = (): readonly string[] => [...index.factSet.cases.values()].flatMap((c) => c.offtopic ?? []);

beforeAll(async () => {
  const loaded = await loadFactsDir(root);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatLoadError).join('\n'));
  language = await loadLanguage();
  expect(language.problems).toEqual([]);
  index = await buildIndex(loaded.factSet, language);
  sets = await loadRelevanceSets(fileURLToPath(new URL('../relevance', import.meta.url)));
});

describe('relevance on the real case (test/relevance/*.yaml)', () => {
  it.each(['keyword', 'member', 'japanese'] as const)('%s questions: hit@3 and MRR hold their floors', (group) => {
    const score = scoreGroup(sets[group], search);
    console.log(`relevance ${group}: ${score.count} queries, hit@3 ${score.hitAt3.toFixed(3)}, MRR ${score.mrr.toFixed(3)}`);
    if (score.misses.length > 0) console.log(`not in top 3 (${group}):\n  ${score.misses.join('\n  ')}`);
    expect(score.hitAt3).toBeGreaterThanOrEqual(FLOORS[group].hitAt3);
    expect(score.mrr).toBeGreaterThanOrEqual(FLOORS[group].mrr);
  });

  // The other sets of member and Japanese questions, each with its own floors.
  it.each((['member', 'japanese'] as const).map((group) => ['holdout', group] as const))(
    '%s %s questions: hit@3 and MRR hold their floors',
    (set, group) => {
      const score = scoreGroup(sets[set][group], search);
      console.log(`relevance ${set} ${group}: ${score.count} queries, hit@3 ${score.hitAt3.toFixed(3)}, MRR ${score.mrr.toFixed(3)}`);
      expect(score.hitAt3).toBeGreaterThanOrEqual(HOLDOUT_FLOORS[group].hitAt3);
      expect(score.mrr).toBeGreaterThanOrEqual(HOLDOUT_FLOORS[group].mrr);
    },
  );
  it.each(BLIND_SETS.flatMap((set) => (['member', 'japanese'] as const).map((group) => [set, group] as const)))(
    '%s %s questions: hit@3 and MRR hold their floors',
    (set, group) => {
      const score = scoreGroup(blindSet(set)[group], search);
      console.log(`relevance ${set} ${group}: ${score.count} queries, hit@3 ${score.hitAt3.toFixed(3)}, MRR ${score.mrr.toFixed(3)}`);
      expect(score.hitAt3).toBeGreaterThanOrEqual(BLIND_FLOORS[set][group].hitAt3);
      expect(score.mrr).toBeGreaterThanOrEqual(BLIND_FLOORS[set][group].mrr);
    },
  );

  // The blind sets' off-topic questions are development data: the ones answered are printed.
  it.each(BLIND_SETS)('answers few off-topic questions of the %s set', (set) => {
    const { offtopic } = blindSet(set);
    const answered = answeredOfftopic(offtopic, search);
    console.log(`relevance ${set} offtopic: ${offtopic.length} queries, ${answered.length} answered\n  ${answered.join('\n  ')}`);
    expect(answered.length).toBeLessThanOrEqual(MAX_BLIND_OFFTOPIC_ANSWERED[set]);
  });

  it('answers few held-out off-topic questions', () => {
    expect(answeredOfftopic(sets.holdout.offtopic, search).length).toBeLessThanOrEqual(MAX_HOLDOUT_OFFTOPIC_ANSWERED);
  });

  it('answers (almost) no off-topic question', () => {
    const answered = answeredOfftopic(sets.offtopic, search);
    console.log(`relevance offtopic: ${sets.offtopic.length} queries, ${answered.length} answered\n  ${answered.join('\n  ')}`);
    expect(answered.length).toBeLessThanOrEqual(MAX_OFFTOPIC_ANSWERED);
    // The plainly unrelated ones (no word shared with the case) never get an answer.
    for (const query of [
      'pizza recipe',
      'football score',
      'weather tomorrow',
      'banana bread',
      'reset my password',
      'minecraft server ip',
    ]) {
      expect(search(query), query).toEqual([]);
    }
  });

  it('judges no question of the relevance sets by a copy of it among the everyday questions', () => {
    // The everyday questions decide what is off-topic: one that is (nearly) a judged question would
    // make the figures measure a lookup, not the rule. Nearly: cosine 0.9, as the sentence vectors
    // read both.
    const words = language.words;
    if (words === undefined) throw new Error('no word vectors');
    const vectorOf = (text: string): Float32Array | undefined => {
      const v = new Float32Array(words.dims);
      return words.embedInto(index.questionWords(text), v) ? v : undefined;
    };
    // The case's own off-topic questions (case.yaml) decide as much: the same rule holds for them.
    const lines = [...EVERYDAY_QUESTIONS, ...caseOfftopic()];
    const judged = [
      ...allJudged().map((j) => j.query),
      ...sets.offtopic,
      ...sets.holdout.offtopic,
      ...sets.blind.flatMap((set) => set.offtopic),
    ];
    const fold = (text: string): string => text.toLowerCase().replace(/[\s\p{P}]/gu, '');
    const byFolded = new Map(lines.map((line) => [fold(line), line]));
    const lineVectors = lines.flatMap((line) => {
      const v = vectorOf(line);
      return v === undefined ? [] : [{ line, v }];
    });
    // A plain loop: some 8000 questions against 600 lines (a reduce per pair took 19 s of a 30 s budget).
    const cosine = (a: Float32Array, b: Float32Array): number => {
      let sum = 0;
      for (let d = 0; d < a.length; d++) sum += (a[d] as number) * (b[d] as number);
      return sum;
    };
    const copies: string[] = [];
    for (const query of judged) {
      const same = byFolded.get(fold(query));
      if (same !== undefined) copies.push(same);
      const v = vectorOf(query);
      if (v === undefined) continue;
      for (const { line, v: e } of lineVectors) if (cosine(v, e) >= 0.9) copies.push(line);
    }
    expect(copies).toEqual([]);
  });

  it('finds no fact for an everyday question, or one of the case’s own off-topic questions: none is about the case', () => {
    expect(caseOfftopic().length).toBeGreaterThan(0);
    const answered = [...EVERYDAY_QUESTIONS, ...caseOfftopic()].filter((q) => index.search(q).hits.length > 0);
    expect(answered).toEqual([]);
  });

  it('the judgment files are large enough to mean something', () => {
    expect(sets.member.length).toBeGreaterThanOrEqual(60);
    expect(sets.japanese.length).toBeGreaterThanOrEqual(25);
    expect(sets.offtopic.length).toBeGreaterThanOrEqual(15);
    expect(sets.holdout.member.length).toBeGreaterThanOrEqual(50);
    expect(sets.holdout.japanese.length).toBeGreaterThanOrEqual(25);
    expect(sets.holdout.offtopic.length).toBeGreaterThanOrEqual(20);
    const ids = new Set(index.factSet.facts.map((f) => f.id));
    for (const { query, relevant } of allJudged()) {
      for (const id of relevant) expect(ids.has(id), `${query}: unknown fact id ${id}`).toBe(true);
    }
  });
});
