/** Build step: write the generated JSON Schemas into schemas/, and the provider parts of package.json. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSchemas, serialize } from './generate';
import { serializePackage, withProviderContributions } from './package-contributions';

function writeIfChanged(file: string, text: string): void {
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
}

const root = process.cwd();
const dir = path.resolve(process.argv[2] ?? 'schemas');
fs.mkdirSync(dir, { recursive: true });
for (const s of generateSchemas(root)) writeIfChanged(path.join(dir, s.file), serialize(s.schema));

const pkgFile = path.join(root, 'package.json');
writeIfChanged(pkgFile, serializePackage(withProviderContributions(JSON.parse(fs.readFileSync(pkgFile, 'utf8')), root)));
