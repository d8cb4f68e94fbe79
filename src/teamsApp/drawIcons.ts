/**
 * `npx tsx src/teamsApp/drawIcons.ts`: redraws manifest/color.png and manifest/outline.png, in the accent colour
 * that manifest/manifest.json declares. Run it again after changing the accent colour or the symbol.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../contentPath';
import { drawColorIcon, drawOutlineIcon, parseHexColor } from './iconArt';
import { MANIFEST_DIR } from './manifestDir';
import { encodePng, type Raster } from './png';

const manifest = JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as {
  accentColor: string;
  icons: { color: string; outline: string };
};

function write(file: string, raster: Raster): void {
  const path = join(MANIFEST_DIR, file);
  const png = encodePng(raster);
  writeFileSync(path, png);
  console.log(`${relative(PROJECT_ROOT, path)}: ${raster.width}×${raster.height}, ${png.length} bytes`);
}

write(manifest.icons.color, drawColorIcon(parseHexColor(manifest.accentColor)));
write(manifest.icons.outline, drawOutlineIcon());
