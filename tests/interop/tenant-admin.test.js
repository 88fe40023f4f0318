'use strict';
// The public API as a merchant's engineer meets it from Node: keys in metadata, rich
// validation errors, idempotent retries, roles and tenant isolation.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { grpc, services, useSilo, unary, TEST_TIMEOUT, OPERATOR_KEY, bearer } = require('./support/harness');
const { decodeStatusDetails, decodeBadRequest } = require('./support/protos');

const silo = useSilo();
const asOperator = () => ({ metadata: bearer(OPERATOR_KEY) });
const newTenantId = () => `node-${crypto.randomBytes(5).toString('hex')}`;
const requestId = () => crypto.randomUUID();

async function rejects(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('the call answered OK');
}

async function newMerchant(admin) {
  const tenantId = newTenantId();
  await unary(admin, 'CreateTenant', { requestId: requestId(), tenantId, displayName: `Node ${tenantId}` }, asOperator());
  const { response } = await unary(admin, 'CreateApiKey', { requestId: requestId(), tenantId, role: 'ROLE_MERCHANT' }, asOperator());
  return { tenantId, key: response.secret };
}

test('a call without a key is UNAUTHENTICATED', TEST_TIMEOUT, async () => {
  const error = await rejects(unary(silo.client(services.TenantAdmin), 'ListTenants', {}));
  assert.equal(error.code, grpc.status.UNAUTHENTICATED);
});

test('an operator creates a tenant and reads it back', TEST_TIMEOUT, async () => {
  const admin = silo.client(services.TenantAdmin);
  const tenantId = newTenantId();
  const created = await unary(admin, 'CreateTenant', { requestId: requestId(), tenantId, displayName: 'Acme (Node)' }, asOperator());
  const read = await unary(admin, 'GetTenant', { tenantId }, asOperator());
  assert.equal(read.response.displayName, 'Acme (Node)');
  assert.equal(read.response.status, 'TENANT_STATUS_ACTIVE');
  assert.deepEqual(read.response.createTime, created.response.createTime);
});

test('bad input is INVALID_ARGUMENT with a BadRequest naming each field', TEST_TIMEOUT, async () => {
  const admin = silo.client(services.TenantAdmin);
  const error = await rejects(unary(admin, 'CreateTenant',
    { requestId: requestId(), tenantId: newTenantId(), displayName: '', rateLimit: { requestsPerSecond: -1, burst: 0 } }, asOperator()));
  assert.equal(error.code, grpc.status.INVALID_ARGUMENT);
  const status = decodeStatusDetails(error.metadata);
  const fields = decodeBadRequest(status.details[0].value).fieldViolations.map((v) => v.field);
  assert.ok(fields.includes('display_name'), `fields: ${fields}`);
  assert.ok(fields.includes('rate_limit.requests_per_second'), `fields: ${fields}`);
});

test('a retried mutation returns the first result', TEST_TIMEOUT, async () => {
  const admin = silo.client(services.TenantAdmin);
  const request = { requestId: requestId(), role: 'ROLE_HANDHELD', fulfillmentCenterId: 'FC-DEFAULT', description: 'scanner 7' };
  const first = await unary(admin, 'CreateApiKey', request, asOperator());
  const retry = await unary(admin, 'CreateApiKey', request, asOperator());
  assert.equal(retry.response.apiKey.keyId, first.response.apiKey.keyId);
  assert.equal(retry.response.secret, first.response.secret);
});

test('a merchant key reads its own tenant, not another, and cannot administer', TEST_TIMEOUT, async () => {
  const admin = silo.client(services.TenantAdmin);
  const mine = await newMerchant(admin);
  const other = await newMerchant(admin);

  const own = await unary(admin, 'GetTenant', {}, { metadata: bearer(mine.key) });
  const foreign = await rejects(unary(admin, 'GetTenant', { tenantId: other.tenantId }, { metadata: bearer(mine.key) }));
  const admin403 = await rejects(unary(admin, 'ListTenants', {}, { metadata: bearer(mine.key) }));

  assert.equal(own.response.tenantId, mine.tenantId);
  assert.equal(foreign.code, grpc.status.NOT_FOUND);
  assert.equal(admin403.code, grpc.status.PERMISSION_DENIED);
});
