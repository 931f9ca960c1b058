import { describe, expect, it } from 'vitest';
import { docTypeDef } from '../../knowledge/drafts/fields.ts';
import { REVOCATION_RISK, ROUTES } from '../../rules/routes.ts';
import { DOCUMENT_IDS } from '../../rules/types.ts';

describe('the routes a document serves follow the rules', () => {
  it.each(DOCUMENT_IDS)('%s: fields.json paths = the routes whose documents list it', (doc) => {
    const fromRules = new Set(
      [REVOCATION_RISK, ...ROUTES].filter((r) => r.documents.includes(doc)).map((r) => r.path),
    );
    expect(new Set(docTypeDef(doc).paths)).toEqual(fromRules);
  });
});
