/** `npm run import-article`: imports the article and writes generated/knowledge-base.json with a summary. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/contentPath';
import { LANGS } from '../src/i18n/locales';
import { ArticleFormatError } from '../src/knowledge/articleFormatError';
import { importArticle } from '../src/knowledge/knowledgeBase';

try {
  const kb = importArticle();
  const outDir = join(PROJECT_ROOT, 'generated');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'knowledge-base.json'), `${JSON.stringify(kb, null, 2)}\n`);
  const count = Object.keys(kb.segments).length;
  console.log(
    `knowledge base: ${count} segments x ${LANGS.length} languages, ${kb.sections.length} sections, ` +
      `table ${kb.table.length} rows -> generated/knowledge-base.json`,
  );
} catch (error) {
  if (error instanceof ArticleFormatError) {
    console.error(`import-article: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
