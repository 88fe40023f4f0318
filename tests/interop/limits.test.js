'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { grpc, services, useSilo, unary, TEST_TIMEOUT } = require('./support/harness');

const silo = useSilo();

const MiB = 1024 * 1024;
// Lift grpc-js's own limits so that only the server's 4 MiB receive limit is in play.
const UNLIMITED = { 'grpc.max_send_message_length': -1, 'grpc.max_receive_message_length': -1 };

test('a 5 MiB request is refused with RESOURCE_EXHAUSTED', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance, UNLIMITED);
  await assert.rejects(
    unary(conformance, 'Echo', { message: 'too big', payload: Buffer.alloc(5 * MiB, 0x61), responsePayloadSize: 1 }),
    (error) => {
      assert.equal(error.code, grpc.status.RESOURCE_EXHAUSTED, `${error.code} ${error.details}`);
      return true;
    },
  );
  // The connection survives the refusal.
  const { response } = await unary(conformance, 'Echo', { message: 'after' });
  assert.equal(response.message, 'after');
});

test('a request just under 4 MiB is accepted', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance, UNLIMITED);
  const payload = Buffer.alloc(4 * MiB - 1024, 0x62);
  const { response } = await unary(conformance, 'Echo', { message: 'fits', payload, responsePayloadSize: 1 });
  assert.equal(response.message, 'fits');
  assert.equal(response.payload.length, 1);
});

test('a 3 MiB response arrives intact', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const { response } = await unary(conformance, 'Echo', { message: 'large', responsePayloadSize: 3 * MiB });
  assert.equal(response.message, 'large');
  assert.equal(response.payload.length, 3 * MiB);
});

test('a 3 MiB request payload is echoed back byte for byte', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const payload = Buffer.alloc(3 * MiB);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 31 + (i >> 11)) & 0xff;
  const { response } = await unary(conformance, 'Echo', { message: 'mirror', payload });
  assert.ok(payload.equals(response.payload), 'payload differs');
});

test('200 concurrent unary calls on one channel all succeed with their own replies', TEST_TIMEOUT, async () => {
  const conformance = silo.client(services.Conformance);
  const results = await Promise.all(Array.from({ length: 200 }, (_, i) =>
    unary(conformance, 'Echo', { message: `call-${i}`, payload: Buffer.from([i & 0xff]) })));
  results.forEach(({ response }, i) => {
    assert.equal(response.message, `call-${i}`);
    assert.deepEqual([...response.payload], [i & 0xff]);
  });
});
