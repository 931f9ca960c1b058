// What makes a clause ask, from the one list in knowledge/lexicon/questions.json: the turn, the intent
// rules and the answer reader all read these, so a question is never taken for a statement by one
// reader and not by another.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface QuestionCues {
  asks: string[];
  aNotA: string[];
  tags: string[];
}

const FILE = fileURLToPath(new URL('../../knowledge/lexicon/questions.json', import.meta.url));

function load(): QuestionCues {
  try {
    return JSON.parse(readFileSync(FILE, 'utf8')) as QuestionCues;
  } catch (err) {
    throw new Error(
      `knowledge/lexicon/questions.json: ${(err as Error).message}; fix the JSON or restore the file`,
    );
  }
}

const cues = load();

/** The regex alternatives of every question cue (asks, then aNotA), for a reader that joins them with its own. */
export const QUESTION_CUE_SOURCES: readonly string[] = [...cues.asks, ...cues.aNotA, ...cues.tags];

/** 「是不是」「办没办」「能移出不」「报了没」: a yes/no question in the A-not-A form or a tag at the end. */
export const A_NOT_A = new RegExp([...cues.aNotA, ...cues.tags].join('|'));

/** 「交没交」「办冇办」 anywhere: the doubled verb alone, not the clause-final tags. */
export const A_NOT_A_VERB = new RegExp(cues.aNotA.join('|'));

/**
 * 「以前是不是也出过这种事」→「以前也出过这种事」, 「有没有犯过」→「有犯过」: each A-not-A form put as the
 * statement it asks about, to find what a question is about (not what it states).
 */
export function askedAsTold(clause: string): string {
  return clause.replace(new RegExp(A_NOT_A_VERB.source, 'g'), (_m, verb?: string) =>
    verb === undefined ? '有' : verb === '是' ? '' : verb,
  );
}

/** A clause that asks: a particle, a question word or an A-not-A form. */
export const QUESTION_CLAUSE = new RegExp(QUESTION_CUE_SOURCES.join('|'));

// a modal A-not-A (会不会, 能不能, 是不是, 要不要, 算不算, 可不可以) after a statement asks what follows
// from it (「地址没改 会不会拉黑」), not whether it holds
const A_NOT_A_AHEAD = new RegExp(
  `^[^，,。;；\\s]?(?![会能是要算可])(?:${[...cues.aNotA, ...cues.tags].join('|')})`,
);
/** 「办没办」「交没交」 right after `after` starts: what came before them is asked, not told. */
export const aNotAAhead = (after: string): boolean => A_NOT_A_AHEAD.test(after);
