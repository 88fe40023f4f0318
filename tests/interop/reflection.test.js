'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { services, useSilo, readAll, deadlineIn, TEST_TIMEOUT } = require('./support/harness');
const { decodeFileDescriptor } = require('./support/protos');

const silo = useSilo();

const CONFORMANCE = 'reverselogistics.testing.v1.ConformanceService';
const CONFORMANCE_FILE = 'reverselogistics/testing/v1/conformance.proto';
const NOT_FOUND = 5;

/** Sends the requests on one ServerReflectionInfo stream, half-closes, returns all responses. */
async function reflect(Service, ...requests) {
  const client = silo.client(Service);
  const call = client.ServerReflectionInfo({ deadline: deadlineIn(20_000) });
  for (const request of requests) call.write(request);
  call.end();
  const { messages, error } = await readAll(call);
  assert.equal(error, null, `reflection stream failed: ${error && error.message}`);
  assert.equal(messages.length, requests.length, 'one response per request');
  return messages;
}

for (const [version, Service] of [['v1', services.ReflectionV1], ['v1alpha', services.ReflectionV1Alpha]]) {
  test(`${version}: list_services names every registered service`, TEST_TIMEOUT, async () => {
    const [response] = await reflect(Service, { listServices: '' });
    assert.equal(response.messageResponse, 'listServicesResponse');
    const names = response.listServicesResponse.service.map((s) => s.name);
    for (const expected of [
      'grpc.health.v1.Health',
      'grpc.reflection.v1alpha.ServerReflection',
      'grpc.reflection.v1.ServerReflection',
      CONFORMANCE,
    ]) {
      assert.ok(names.includes(expected), `${expected} missing from ${JSON.stringify(names)}`);
    }
  });

  test(`${version}: file_containing_symbol returns the conformance file descriptor`, TEST_TIMEOUT, async () => {
    const [response] = await reflect(Service, { fileContainingSymbol: CONFORMANCE });
    assert.equal(response.messageResponse, 'fileDescriptorResponse');
    const files = response.fileDescriptorResponse.fileDescriptorProto.map(decodeFileDescriptor);
    assert.ok(files.length >= 1);
    assert.equal(files[0].name, CONFORMANCE_FILE);
    assert.equal(files[0].package, 'reverselogistics.testing.v1');
    const service = files[0].service.find((s) => s.name === 'ConformanceService');
    assert.ok(service, 'ConformanceService defined in the returned descriptor');
    assert.deepEqual(service.method.map((m) => m.name).sort(),
      ['Chat', 'Collect', 'Countdown', 'Echo', 'Fail', 'GetProbe', 'Hold']);
  });

  test(`${version}: message symbols and file names resolve too`, TEST_TIMEOUT, async () => {
    const [bySymbol, byName] = await reflect(Service,
      { fileContainingSymbol: 'reverselogistics.testing.v1.EchoRequest' },
      { fileByFilename: CONFORMANCE_FILE });
    for (const response of [bySymbol, byName]) {
      assert.equal(response.messageResponse, 'fileDescriptorResponse');
      assert.equal(decodeFileDescriptor(response.fileDescriptorResponse.fileDescriptorProto[0]).name, CONFORMANCE_FILE);
    }
  });

  test(`${version}: unknown symbol answers error_response NOT_FOUND and the stream carries on`, TEST_TIMEOUT, async () => {
    const [unknown, after] = await reflect(Service,
      { fileContainingSymbol: 'no.such.Symbol' },
      { listServices: '*' });
    assert.equal(unknown.messageResponse, 'errorResponse');
    assert.equal(unknown.errorResponse.errorCode, NOT_FOUND);
    assert.equal(after.messageResponse, 'listServicesResponse');
  });
}
