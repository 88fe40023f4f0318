'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { once } = require('node:events');
const { grpc, services, useSilo, unary, connected, probeOutcome, uniqueId, deadlineIn, TEST_TIMEOUT } = require('./support/harness');

const silo = useSilo();

test('Hold past a 300 ms deadline ends DEADLINE_EXCEEDED and the handler sees it', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const probeId = uniqueId('deadline');
  await connected(conformance); // spend the 300 ms on the call, not on connecting
  // grpc-js's own timer may fire before the server's grpc-timeout deadline; either way
  // the client reports DEADLINE_EXCEEDED and the server handler must be cancelled.
  await assert.rejects(
    unary(conformance, 'Hold', { probeId }, { deadlineMs: 300 }),
    { code: grpc.status.DEADLINE_EXCEEDED },
  );
  const probe = await probeOutcome(conformance, probeId);
  assert.equal(probe.probeId, probeId);
  assert.ok(['DEADLINE_EXCEEDED', 'CLIENT_CANCELLED'].includes(probe.outcome), `outcome ${probe.outcome}`);
});

test('Hold sends headers at once; client cancel ends CANCELLED and the handler sees CLIENT_CANCELLED', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const probeId = uniqueId('cancel');
  let callbackError = null;
  const call = conformance.Hold({ probeId }, { deadline: deadlineIn(20_000) }, (error) => { callbackError = error; });
  const status = new Promise((resolve) => call.on('status', resolve));
  // Headers mean the handler is running; the call must not end before they arrive.
  const first = await Promise.race([
    once(call, 'metadata').then(() => 'headers'),
    status.then(({ code, details }) => `call ended first: ${code} ${details}`),
  ]);
  assert.equal(first, 'headers');
  call.cancel();
  assert.equal((await status).code, grpc.status.CANCELLED);
  assert.equal(callbackError.code, grpc.status.CANCELLED);

  const probe = await probeOutcome(conformance, probeId);
  assert.equal(probe.probeId, probeId);
  assert.equal(probe.outcome, 'CLIENT_CANCELLED');
});

test('the channel stays usable after cancelled and timed-out calls', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const probeId = uniqueId('reuse');
  await connected(conformance);
  await assert.rejects(unary(conformance, 'Hold', { probeId }, { deadlineMs: 200 }), { code: grpc.status.DEADLINE_EXCEEDED });
  await probeOutcome(conformance, probeId);
  const { response } = await unary(conformance, 'Echo', { message: 'still here' });
  assert.equal(response.message, 'still here');
});
