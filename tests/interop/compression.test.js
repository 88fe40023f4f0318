'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { grpc, services, useSilo, unary, deadlineIn, TEST_TIMEOUT } = require('./support/harness');

const silo = useSilo();

const GZIP = 2; // grpc-js CompressionAlgorithms.gzip
// grpc-js stops compressing on a channel once the server's grpc-accept-encoding omits
// gzip, so each test uses a fresh channel whose first call is certainly compressed.
const gzipClient = (options = {}) => silo.client(services.Conformance, { 'grpc.default_compression_algorithm': GZIP, ...options });

test('a gzip-compressed Echo request is answered', TEST_TIMEOUT, async () => {
  const payload = Buffer.from('compress me! '.repeat(20_000));
  const { response } = await unary(gzipClient(), 'Echo', { message: 'gzipped', payload });
  assert.equal(response.message, 'gzipped');
  assert.ok(payload.equals(response.payload), 'payload differs');
});

test('gzip-compressed client stream (Collect) is read message by message', TEST_TIMEOUT, async () => {
  const conformance = gzipClient();
  const response = await new Promise((resolve, reject) => {
    const call = conformance.Collect({ deadline: deadlineIn(20_000) }, (error, reply) => (error ? reject(error) : resolve(reply)));
    for (const word of ['eins', 'zwei', 'drei']) call.write({ message: word, payload: Buffer.alloc(4096, 0x7a) });
    call.end();
  });
  assert.equal(response.count, 3);
  assert.equal(response.joined, 'eins,zwei,drei');
  assert.equal(response.totalPayloadBytes, String(3 * 4096));
});

test('the 4 MiB limit applies to the decompressed size', TEST_TIMEOUT, async () => {
  // ~5 MiB of zeros gzip to a few KiB on the wire.
  const conformance = gzipClient({ 'grpc.max_send_message_length': -1 });
  await assert.rejects(
    unary(conformance, 'Echo', { message: 'bomb', payload: Buffer.alloc(5 * 1024 * 1024), responsePayloadSize: 1 }),
    { code: grpc.status.RESOURCE_EXHAUSTED },
  );
});
