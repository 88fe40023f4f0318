'use strict';
// Gives the tests a silo to talk to: the one at RL_SILO_ADDRESS when set, otherwise a
// fresh one started from the repository's silo project on a free loopback port.

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: delay } = require('node:timers/promises');
const { grpc, services } = require('./protos');

const SILO_PROJECT = path.resolve(__dirname, '..', '..', '..', 'silo', 'ReverseLogistics.Silo');
const BUILD_TIMEOUT_MS = Number(process.env.RL_SILO_BUILD_TIMEOUT_MS || 15 * 60_000);
const READY_TIMEOUT_MS = Number(process.env.RL_SILO_READY_TIMEOUT_MS || 120_000);
const VERBOSE = process.env.RL_SILO_VERBOSE === '1';
const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const DOTNET_ENV = {
  ...process.env,
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
};

/** Starts (or finds) a silo; resolves to { address, stop() }. */
async function startSilo() {
  const external = process.env.RL_SILO_ADDRESS;
  if (external) {
    return { address: external, stop: async () => {} };
  }
  if (!fs.existsSync(SILO_PROJECT)) {
    throw new Error(`RL_SILO_ADDRESS is not set and there is no silo project at ${SILO_PROJECT}`);
  }

  await ensureBuilt();

  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-interop-silo-'));
  const output = new OutputTail(200);
  const child = spawn('dotnet', [
    'run', '--project', SILO_PROJECT, '-c', 'Release', '--no-build', '--no-launch-profile', '--',
    '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir, '--conformance',
  ], { env: DOTNET_ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (chunk) => output.add(chunk));
  child.stderr.on('data', (chunk) => output.add(chunk));

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => { exitInfo = { code, signal }; resolve(exitInfo); });
    child.on('error', (error) => { exitInfo = { error }; resolve(exitInfo); });
  });
  // Never leave a silo behind, even when this test process is interrupted.
  const killOnExit = () => {
    killGroup(child.pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const killOnSignal = (signal) => { killOnExit(); process.exit(128 + os.constants.signals[signal]); };
  process.on('exit', killOnExit);
  for (const signal of EXIT_SIGNALS) process.on(signal, killOnSignal);

  const stop = async () => {
    process.off('exit', killOnExit);
    for (const signal of EXIT_SIGNALS) process.off(signal, killOnSignal);
    await stopGroup(child.pid);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilServing(address, exited, () => exitInfo, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, stop };
}

/** Polls grpc.health.v1.Health/Check("") until SERVING, the silo exits, or time runs out. */
async function waitUntilServing(address, exited, getExitInfo, output) {
  const client = new services.Health(address, grpc.credentials.createInsecure(), {
    'grpc.initial_reconnect_backoff_ms': 200,
    'grpc.max_reconnect_backoff_ms': 1000,
  });
  const giveUpAt = Date.now() + READY_TIMEOUT_MS;
  let last = 'no attempt yet';
  try {
    while (Date.now() < giveUpAt) {
      const attempt = new Promise((resolve) => {
        client.Check({ service: '' }, { deadline: Date.now() + 5000, waitForReady: true },
          (error, response) => resolve(error ? `${error.code} ${error.details}` : response.status));
      });
      const outcome = await Promise.race([attempt, exited.then(() => 'exited')]);
      if (outcome === 'SERVING') {
        return;
      }
      if (outcome === 'exited') {
        throw new Error(`silo exited before it was serving (${JSON.stringify(getExitInfo())}):\n${output}`);
      }
      last = outcome;
      await delay(250); // retry back-off between failed readiness probes
    }
    throw new Error(`silo at ${address} not SERVING after ${READY_TIMEOUT_MS} ms (last: ${last}):\n${output}`);
  } finally {
    client.close();
  }
}

/**
 * Builds the silo once per `node --test` run. Test files run in separate processes that
 * share the runner as parent, so a lock serializes builds and a marker keyed on the
 * runner's pid and start time lets later files skip the (no-op) build.
 */
async function ensureBuilt() {
  const key = crypto.createHash('sha1').update(SILO_PROJECT).digest('hex').slice(0, 12);
  const lockDir = path.join(os.tmpdir(), `rl-interop-build-${key}.lock`);
  const runner = process.env.NODE_TEST_CONTEXT ? processIdentity(process.ppid) : null;
  const marker = runner && path.join(os.tmpdir(), `rl-interop-built-${key}-${runner}`);

  await acquireLock(lockDir);
  try {
    if (marker && fs.existsSync(marker)) {
      return;
    }
    const result = spawnSync('dotnet', ['build', SILO_PROJECT, '-c', 'Release', '-v', 'quiet', '-nologo'], {
      env: DOTNET_ENV, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      const why = result.error ? result.error.message : `exit ${result.status}`;
      throw new Error(`dotnet build ${SILO_PROJECT} failed (${why}):\n${result.stdout}\n${result.stderr}`);
    }
    if (marker) {
      removeStaleMarkers(`rl-interop-built-${key}-`);
      fs.writeFileSync(marker, new Date().toISOString());
    }
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Deletes build markers left by earlier test runs whose runner process is gone. */
function removeStaleMarkers(prefix) {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const [pid, startTime] = name.slice(prefix.length).split('-');
    if (processIdentity(Number(pid)) !== `${pid}-${startTime}`) {
      fs.rmSync(path.join(os.tmpdir(), name), { force: true });
    }
  }
}

/** "pid-starttime" on Linux (robust to pid reuse), otherwise null (always build). */
function processIdentity(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return `${pid}-${startTime}`;
  } catch {
    return null;
  }
}

async function acquireLock(lockDir) {
  const giveUpAt = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number(readOr(path.join(lockDir, 'pid'), '0'));
    if (holder && !isAlive(holder)) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > giveUpAt) {
      throw new Error(`timed out waiting for build lock ${lockDir} (held by pid ${holder})`);
    }
    await delay(500); // another test process is building the silo
  }
}

function readOr(file, fallback) {
  try { return fs.readFileSync(file, 'utf8'); } catch { return fallback; }
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (error) { return error.code === 'EPERM'; }
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); return true; } catch { return false; }
}

/** SIGTERM the silo's process group (dotnet run and the app), SIGKILL after 20 s. */
async function stopGroup(pid) {
  if (!killGroup(pid, 'SIGTERM')) return;
  const giveUpAt = Date.now() + 20_000;
  while (Date.now() < giveUpAt) {
    if (!killGroup(pid, 0)) return;
    await delay(100); // waiting for the silo to shut down gracefully
  }
  killGroup(pid, 'SIGKILL');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

class OutputTail {
  constructor(maxLines) {
    this.maxLines = maxLines;
    this.lines = [];
  }

  add(chunk) {
    const text = chunk.toString('utf8');
    if (VERBOSE) process.stderr.write(text);
    this.lines.push(...text.split('\n'));
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
  }

  toString() {
    return this.lines.join('\n');
  }
}

module.exports = { startSilo };
