#!/usr/bin/env node
// Copies AWS's EC2 API model (the one aws-sdk v2 ships, apis/ec2-2016-11-15.min.json, Apache-2.0)
// into resources/aws-model/, where the EC2 Query API door reads it to parse requests and write
// responses generically. The copy is committed and byte-identical to the source; run this after
// upgrading aws-sdk: `npm exec -- node scripts/copy-ec2-model.mjs`. With `--check` it only
// verifies that the committed copy matches the installed model (exit code 1 if not).
import { readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const SOURCE = require.resolve('aws-sdk/apis/ec2-2016-11-15.min.json');
const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources/aws-model');
const OUT = path.join(OUT_DIR, 'ec2-2016-11-15.min.json');

const text = readFileSync(SOURCE, 'utf8');
const model = JSON.parse(text);
// The door speaks EC2's own protocol for this API version only: refuse to copy anything else.
if (model.metadata?.apiVersion !== '2016-11-15' || model.metadata?.protocol !== 'ec2') {
  console.error(`${SOURCE} is not the EC2 2016-11-15 model (metadata: ${JSON.stringify(model.metadata)})`);
  process.exit(1);
}

if (process.argv.includes('--check')) {
  const same = existsSync(OUT) && readFileSync(OUT, 'utf8') === text;
  console.log(same ? `${OUT} matches ${SOURCE}` : `${OUT} differs from ${SOURCE}: run scripts/copy-ec2-model.mjs`);
  process.exit(same ? 0 : 1);
}

mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(OUT, text);
const version = JSON.parse(readFileSync(require.resolve('aws-sdk/package.json'), 'utf8')).version;
console.log(
  `Copied ${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes ` +
    `(${text.length} bytes) from aws-sdk ${version} to ${path.relative(process.cwd(), OUT)}`,
);
