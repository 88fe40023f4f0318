'use strict';
// Shared test plumbing: a silo per test file, tracked clients, and promise wrappers
// around grpc-js calls that keep headers, trailers and status visible to assertions.

const crypto = require('node:crypto');
const { before, after } = require('node:test');
const { grpc, services } = require('./protos');
const { startSilo } = require('./silo');

/** The operator key the silo accepts: the caller's (xunit passes its silo's), or ours for a silo we start. */
process.env.RL_OPERATOR_KEY ||= 'rl-interop-operator-key';
const OPERATOR_KEY = process.env.RL_OPERATOR_KEY;

/** Default deadline for calls that should finish promptly: a hang fails, not blocks. */
const CALL_DEADLINE_MS = 20_000;
/** Per-test timeout passed to node:test. */
const TEST_TIMEOUT = { timeout: 60_000 };

/**
 * Registers before/after hooks that provide a silo and close every client made through
 * the returned context. Call once at the top of a test file.
 */
function useSilo() {
  let silo = null;
  const clients = [];
  const context = {
    get address() {
      if (!silo) throw new Error('silo not started yet (use the context inside tests)');
      return silo.address;
    },
    /** A new client (own channel) for one of the `services` constructors. */
    client(Service, options = {}) {
      const client = new Service(context.address, grpc.credentials.createInsecure(), options);
      clients.push(client);
      return client;
    },
    /** A plain grpc.Client for raw-path calls. */
    rawClient(options = {}) {
      return context.client(grpc.Client, options);
    },
  };
  before(async () => { silo = await startSilo(); }, { timeout: 20 * 60_000 });
  after(async () => {
    for (const client of clients) client.close();
    if (silo) await silo.stop();
  });
  return context;
}

/** Metadata carrying `authorization: Bearer <key>`. */
function bearer(key) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${key}`);
  return metadata;
}

function deadlineIn(ms) {
  return new Date(Date.now() + ms);
}

/**
 * Makes a unary call. Resolves to { response, headers, trailers } on OK; rejects with
 * the grpc-js error (code, details, metadata = trailers) with `headers` attached.
 */
function unary(client, method, request, { metadata = new grpc.Metadata(), deadlineMs = CALL_DEADLINE_MS, options = {} } = {}) {
  return new Promise((resolve, reject) => {
    let headers = null;
    let outcome = null;
    const call = client[method](request, metadata, { deadline: deadlineIn(deadlineMs), ...options },
      (error, response) => { outcome = { error, response }; });
    call.on('metadata', (received) => { headers = received; });
    // grpc-js invokes the callback and then emits 'status' synchronously.
    call.on('status', (status) => {
      if (outcome.error) {
        outcome.error.headers = headers;
        reject(outcome.error);
      } else {
        resolve({ response: outcome.response, headers, trailers: status.metadata });
      }
    });
  });
}

/**
 * Reads a server-streaming (or bidi, after end()) call to its finish. Resolves to
 * { messages, status, error } whatever the final status; `error` is null on OK.
 */
async function readAll(call) {
  const status = new Promise((resolve) => call.on('status', resolve));
  const messages = [];
  let error = null;
  try {
    for await (const message of call) messages.push(message);
  } catch (caught) {
    error = caught;
  }
  return { messages, status: await status, error };
}

/**
 * Resolves once the client's channel is connected. Call it before a call with a very
 * short deadline, so that the deadline is not spent on connecting and the request
 * surely reaches the server.
 */
function connected(client) {
  return new Promise((resolve, reject) => {
    client.waitForReady(deadlineIn(CALL_DEADLINE_MS), (error) => (error ? reject(error) : resolve()));
  });
}

/** Awaits the end of the Hold/Countdown call recorded under probeId; returns the outcome. */
async function probeOutcome(conformance, probeId) {
  const { response } = await unary(conformance, 'GetProbe', { probeId }, { deadlineMs: 10_000 });
  return response;
}

function uniqueId(prefix) {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** A new tenant with a merchant key, made with the operator key; resolves to { tenantId, as } (`as`: call options). */
async function newMerchant(silo, idPrefix, displayName) {
  const admin = silo.client(services.TenantAdmin);
  const tenantId = `${idPrefix}-${crypto.randomBytes(4).toString('hex')}`;
  const operator = { metadata: bearer(OPERATOR_KEY) };
  await unary(admin, 'CreateTenant', { requestId: crypto.randomUUID(), tenantId, displayName }, operator);
  const { response } = await unary(admin, 'CreateApiKey', { requestId: crypto.randomUUID(), tenantId, role: 'ROLE_MERCHANT' }, operator);
  return { tenantId, as: { metadata: bearer(response.secret) } };
}

module.exports = {
  grpc,
  services,
  useSilo,
  unary,
  readAll,
  connected,
  probeOutcome,
  uniqueId,
  newMerchant,
  deadlineIn,
  CALL_DEADLINE_MS,
  TEST_TIMEOUT,
  OPERATOR_KEY,
  bearer,
};
