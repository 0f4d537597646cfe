// The example GitHub Actions workflow (examples/github-workflow.yml), run locally: its `run:` steps
// as written, in order, with bash as Actions runs them (-eo pipefail), in a temporary git repository
// cloned from an "origin" with the base branch and a PR branch. Two stubs stand in for the outside
// world on PATH: `npm ci` links train-cost to the built binary (bin/train-cost.cjs, built by
// `npm test`), and `gh` saves the comment it would post. Offline and deterministic.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO_ROOT } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}

const workflow = parse(readFileSync(join(REPO_ROOT, 'examples/github-workflow.yml'), 'utf8')) as {
  on: { pull_request: unknown };
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};

/** The expressions the workflow may use, with the values of a test pull request. */
const EXPRESSIONS: Record<string, string> = { 'github.token': 'test-token', 'github.event.pull_request.number': '42' };

function expand(value: string): string {
  return String(value).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, e: string) => {
    if (!(e in EXPRESSIONS)) throw new Error(`the workflow uses an expression this test does not know: ${e}`);
    return EXPRESSIONS[e]!;
  });
}

/** The `if:` conditions the workflow may use: steps.<id>.outputs.<key> == '<value>'. */
function holds(condition: string, outputs: Record<string, Record<string, string>>): boolean {
  const m = /^steps\.([\w-]+)\.outputs\.([\w-]+) == '([^']*)'$/.exec(condition.trim());
  if (m === null) throw new Error(`the workflow uses a condition this test does not know: ${condition}`);
  return outputs[m[1]!]?.[m[2]!] === m[3];
}

function sh(cwd: string, script: string, env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr}`);
}

interface StepResult {
  name: string;
  status: 'success' | 'failure' | 'skipped';
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where the jobs' clones and the origin repositories go (removed after this file's tests). */
const tmp = tempFolder('workflow');

/** Clone origin (base branch main, PR branch pr) and run the job's run: steps as Actions would. */
function runJob(origin: string, env: Record<string, string> = {}): { results: StepResult[]; stubs: string } {
  const root = mkdtempSync(join(tmp.dir, 'job-'));
  const work = join(root, 'work');
  const stubs = join(root, 'stubs');
  const temp = join(root, 'runner-temp');
  mkdirSync(stubs);
  mkdirSync(temp);
  // actions/checkout with fetch-depth 0: the PR's head, with the base branch as origin/main.
  sh(root, `git clone -q "${origin}" work && cd work && git checkout -q pr`);
  writeFileSync(
    join(stubs, 'npm'),
    `#!/bin/sh\n[ "$1" = ci ] || { echo "npm stub: only npm ci" >&2; exit 99; }\nmkdir -p node_modules/.bin && ln -sf "${BIN}" node_modules/.bin/train-cost\n`,
  );
  writeFileSync(
    join(stubs, 'gh'),
    `#!/bin/sh\nprintf '%s\\n' "$*" > "${stubs}/gh-args"\nwhile [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "${stubs}/comment.md"; shift; done\n`,
  );
  chmodSync(join(stubs, 'npm'), 0o755);
  chmodSync(join(stubs, 'gh'), 0o755);

  const outputs: Record<string, Record<string, string>> = {};
  const results: StepResult[] = [];
  let failed = false;
  for (const [i, step] of workflow.jobs['cost-diff']!.steps.entries()) {
    if (step.run === undefined) continue; // uses: steps (checkout, setup-node) are done above or not needed
    const name = step.name ?? `step ${i}`;
    if (failed || (step.if !== undefined && !holds(step.if, outputs))) {
      results.push({ name, status: 'skipped', code: null, stdout: '', stderr: '' });
      continue;
    }
    const outputFile = join(temp, `output-${i}`);
    writeFileSync(outputFile, '');
    const stepEnv: NodeJS.ProcessEnv = {
      PATH: [stubs, ...(process.env.PATH ?? '').split(delimiter)].join(delimiter),
      HOME: process.env.HOME ?? root,
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
      GITHUB_BASE_REF: 'main',
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: temp,
      ...Object.fromEntries(Object.entries(workflow.env).map(([k, v]) => [k, expand(v)])),
      ...env,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)])),
    };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd: work,
      env: stepEnv,
      encoding: 'utf8',
    });
    if (step.id !== undefined)
      outputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    const status = r.status === 0 ? 'success' : 'failure';
    if (status === 'failure') failed = true;
    results.push({ name, status, code: r.status, stdout: r.stdout, stderr: r.stderr });
  }
  return { results, stubs };
}

/** An origin repository: plans/plan.yaml as `base` on main, as `head` on the branch pr. */
function origin(base: string, head: string): string {
  const dir = mkdtempSync(join(tmp.dir, 'origin-'));
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  mkdirSync(join(dir, 'plans'));
  sh(dir, 'git init -q -b main', env);
  copyFileSync(join(REPO_ROOT, base), join(dir, 'plans/plan.yaml'));
  sh(dir, 'git add -A && git commit -qm base && git checkout -qb pr', env);
  copyFileSync(join(REPO_ROOT, head), join(dir, 'plans/plan.yaml'));
  sh(dir, 'git commit -qam "the PR changes the plan"', env);
  return dir;
}

describe('examples/github-workflow.yml, run locally', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'cli.cjs'))) throw new Error('build first: npm run build (npm test does)');
  });

  it('runs on pull requests and every run: step uses only what the test provides', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    const runs = workflow.jobs['cost-diff']!.steps.filter((s) => s.run !== undefined);
    expect(runs.map((s) => s.name)).toEqual([
      'Install train-cost',
      'The plan on the base branch',
      'Diff the plan',
      'Comment on the pull request',
      'Fail when the cost rose past the limit',
    ]);
    expect(runs.some((s) => /npx --no-install train-cost diff .*--format markdown/s.test(s.run!))).toBe(true);
  });

  it('a PR that raises the rental cost 17.5%: the Markdown diff is posted, then the job fails', () => {
    const { results, stubs } = runJob(origin('examples/plan-a.yaml', 'examples/plan-b.yaml'));
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['Install train-cost', 'success'],
      ['The plan on the base branch', 'success'],
      ['Diff the plan', 'success'],
      ['Comment on the pull request', 'success'],
      ['Fail when the cost rose past the limit', 'failure'],
    ]);
    expect(results[2]!.stderr).toContain('over --max-increase 10.0%');
    expect(results[4]!.stdout).toBe('::error file=plans/plan.yaml::rental cost rose by more than 10% (see the PR comment)\n');
    expect(readFileSync(join(stubs, 'gh-args'), 'utf8')).toMatch(/^pr comment 42 --body-file .*cost-diff\.md\n$/);
    const comment = readFileSync(join(stubs, 'comment.md'), 'utf8');
    expect(comment).toMatch(/^### train-cost diff: `.*base-plan\.yaml` → `plans\/plan\.yaml`\n/);
    expect(comment).toContain('|  | Rental cost | $637,653 | $749,335 | +$111,682 | +17.5% |');
    expect(comment).toContain('- check max-increase: +17.5% over +10.0%: failed');
    expect(comment.trimEnd().split('\n').at(-1)).toBe(
      '**Rental cost up $111,682 (+17.5%), from $637,653 to $749,335; 1 of 1 checks failed.**',
    );
  }, 60_000);

  it('a PR that lowers the cost: the diff is posted and the job passes', () => {
    const { results, stubs } = runJob(origin('examples/plan-b.yaml', 'examples/plan-a.yaml'));
    expect(results.map((r) => r.status)).toEqual(['success', 'success', 'success', 'success', 'skipped']);
    expect(readFileSync(join(stubs, 'comment.md'), 'utf8')).toContain(
      '**Rental cost down $111,682 (-14.9%), from $749,335 to $637,653; check passed.**',
    );
  }, 60_000);
});
