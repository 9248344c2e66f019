/** Build step: write the generated JSON Schemas into schemas/. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSchemas, serialize } from './generate';

const dir = path.resolve(process.argv[2] ?? 'schemas');
fs.mkdirSync(dir, { recursive: true });
for (const s of generateSchemas(process.cwd())) {
  const file = path.join(dir, s.file);
  const text = serialize(s.schema);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
}
