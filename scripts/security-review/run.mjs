// Electron's security review, on every `npm test`: Electronegativity (Doyensec) reads the app's
// sources and configuration for Electron misconfigurations. Every finding at MEDIUM or above must be
// fixed or explained: a comment `electronegativity: <CHECK> — why` on the flagged line or the two
// lines above it. An unexplained one fails the run, with what to look at.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** The Electron the app is built with, so version-dependent defaults are judged right. */
const electronVersion = packageJson.devDependencies.electron.replace(/^[^\d]*/, '');
const tool = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const offline = join(root, 'scripts', 'security-review', 'offline.cjs');
const SERIOUS = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
/** Findings about the whole app (no file to comment in), each with why it is safe here. */
const WHOLE_APP_EXPLANATIONS = {};

const out = mkdtempSync(join(tmpdir(), 'ec2lab-electronegativity-'));
const csv = join(out, 'findings.csv');
try {
  // AvailableSecurityFixesGlobalCheck compares with Electron's release list online; the lab is checked offline.
  const args = ['--require', offline, tool, '--input', root, '--electron-version', electronVersion];
  args.push('--exclude-checks', 'AvailableSecurityFixesGlobalCheck', '--relative', '--output', csv);
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(run.status ?? 1);
  }
  const rows = parseCsv(readFileSync(csv, 'utf8')).slice(1);
  const unexplained = rows.filter(([check, severity, , file, location]) => {
    if (!SERIOUS.has(severity)) return false;
    // A finding about the app as a whole names no file; it is explained here, or it counts.
    if (file === 'N/A') return !(check in WHOLE_APP_EXPLANATIONS);
    const line = Number(location.split(':')[0]);
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    const near = lines.slice(Math.max(0, line - 3), line).join('\n');
    return !near.includes(`electronegativity: ${check}`);
  });
  console.log(
    `Electronegativity: ${rows.length} finding(s), ${rows.filter((r) => SERIOUS.has(r[1])).length} at MEDIUM or above, ${unexplained.length} unexplained.`,
  );
  for (const [check, severity, , file, location, , description, url] of unexplained) {
    console.error(`  ${severity} ${check} at ${file}:${location}: ${description} (${url})`);
  }
  if (unexplained.length > 0) {
    console.error('Fix each, or explain it beside the code: // electronegativity: <CHECK> — why it is safe here.');
    process.exit(1);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

/** CSV rows: fields separated by commas; a quoted field may hold commas, line breaks and doubled quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field.trim() || row.length) rows.push([...row, field.trim()]);
  return rows.filter((r) => r.length > 1);
}
