// `npm run build:model`: trains the intent classifier from knowledge/nlu/phrases and writes
// knowledge/nlu/model.json. Run it after changing phrases, the lexicon or the feature code.
import { buildModel } from '../../dialogs/nlu/model.ts';

const { hash, phrases } = buildModel();
process.stdout.write(`knowledge/nlu/model.json built from ${phrases} phrases (hash ${hash})\n`);
