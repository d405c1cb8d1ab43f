import type { AiDefinition } from './ai-definition';
import { AI_ENTRIES } from './ai-table';

const BY_AI: ReadonlyMap<string, AiDefinition> = new Map(
  AI_ENTRIES.flatMap(({ last, ...entry }) => {
    const codes: AiDefinition[] = [];
    for (let n = Number(entry.ai); n <= Number(last); n++) codes.push({ ...entry, ai: String(n).padStart(entry.ai.length, '0') });
    return codes.map((d) => [d.ai, d] as const);
  }),
);

export function aiDefinition(ai: string): AiDefinition | undefined {
  return BY_AI.get(ai);
}

/**
 * The AI that `data` starts with at `from`. AIs are 2 to 4 digits and no AI is the beginning of
 * another (GS1 General Specifications §3.2), so at most one length matches.
 */
export function matchAi(data: string, from: number): AiDefinition | undefined {
  for (let length = 2; length <= 4; length++) {
    const found = BY_AI.get(data.slice(from, from + length));
    if (found) return found;
  }
  return undefined;
}

export function allAiDefinitions(): AiDefinition[] {
  return [...BY_AI.values()];
}
