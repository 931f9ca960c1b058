import { describe, expect, it } from 'vitest';
import { docTypeDef } from '../../knowledge/drafts/fields.ts';
import { ALL_ROUTES } from '../../rules/routes.ts';
import { DOCUMENT_IDS } from '../../rules/types.ts';

const routes = ALL_ROUTES;

describe('the routes a document serves follow the rules', () => {
  it.each(DOCUMENT_IDS.filter((d) => d !== 'agent-authorization'))(
    '%s: fields.json paths = the routes whose documents list it',
    (doc) => {
      const fromRules = new Set(routes.filter((r) => r.documents.includes(doc)).map((r) => r.path));
      expect(new Set(docTypeDef(doc).paths)).toEqual(fromRules);
    },
  );

  it('the 授权委托书 serves every route that has documents to hand in (whoever applies)', () => {
    const withDocuments = new Set(routes.filter((r) => r.documents.length > 0).map((r) => r.path));
    expect(new Set(docTypeDef('agent-authorization').paths)).toEqual(withDocuments);
  });
});
