'use strict';
// A warehouse handheld written in Node: it scans a merchant's parcel by tracking number, receives
// and grades it, and the refund is issued; a resent scan gets the first answer.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { services, useSilo, unary, TEST_TIMEOUT, OPERATOR_KEY, bearer } = require('./support/harness');

const silo = useSilo();
const daysAgo = (days) => ({ seconds: String(Math.floor(Date.now() / 1000) - days * 86_400), nanos: 0 });

async function keys() {
  const admin = silo.client(services.TenantAdmin);
  const operator = { metadata: bearer(OPERATOR_KEY) };
  const tenantId = `node-h-${crypto.randomBytes(4).toString('hex')}`;
  await unary(admin, 'CreateTenant', { requestId: crypto.randomUUID(), tenantId, displayName: 'Node Handheld' }, operator);
  const { response: merchant } = await unary(admin, 'CreateApiKey', { requestId: crypto.randomUUID(), tenantId, role: 'ROLE_MERCHANT' }, operator);
  const { response: handheld } = await unary(admin, 'CreateApiKey',
    { requestId: crypto.randomUUID(), role: 'ROLE_HANDHELD', fulfillmentCenterId: 'FC-DEFAULT' }, operator);
  return { merchant: { metadata: bearer(merchant.secret) }, handheld: { metadata: bearer(handheld.secret) } };
}

test('a handheld scans, receives and grades a parcel and the refund is issued', TEST_TIMEOUT, async () => {
  const { merchant, handheld } = await keys();
  const returns = silo.client(services.Returns);
  const receiving = silo.client(services.Receiving);
  const { response: created } = await unary(returns, 'CreateReturn', {
    requestId: crypto.randomUUID(),
    customerReference: 'node-customer',
    customerAddress: { name: 'Ada Node', line1: '1 Loop Rd', city: 'Austin', postalCode: '78701', countryCode: 'US' },
    lines: [{
      orderReference: 'SO-NODE-9', sku: 'LAMP', category: 'home', quantity: 1, purchasedQuantity: 1,
      unitPrice: { minorUnits: '4000', currencyCode: 'USD' }, purchasedAt: daysAgo(10), deliveredAt: daysAgo(7), reasonCode: 'wrong_size',
    }],
    requestedResolution: 'RESOLUTION_REFUND_TO_ORIGINAL_PAYMENT',
    returnMethod: 'RETURN_METHOD_CARRIER_PICKUP',
  }, merchant);

  const scan = { scanId: crypto.randomUUID(), deviceId: 'node-hh', barcode: created.trackingNumber };
  const { response: scanned } = await unary(receiving, 'ScanParcel', scan, handheld);
  const { response: again } = await unary(receiving, 'ScanParcel', scan, handheld);
  await unary(receiving, 'ReceiveItems',
    { scanId: crypto.randomUUID(), deviceId: 'node-hh', returnId: created.returnId, items: [{ lineIndex: 0, quantity: 1 }] }, handheld);
  const { response: graded } = await unary(receiving, 'RecordInspection',
    { scanId: crypto.randomUUID(), deviceId: 'node-hh', returnId: created.returnId, lineIndex: 0, grade: 'INSPECTION_GRADE_A' }, handheld);
  const { response: read } = await unary(returns, 'GetReturn', { returnId: created.returnId }, merchant);

  assert.equal(scanned.returnId, created.returnId);
  assert.equal(scanned.status, 'RETURN_STATUS_IN_TRANSIT');
  assert.equal(scanned.nextStep, 'NEXT_STEP_RECEIVE');
  assert.deepEqual(again, scanned);
  assert.equal(graded.status, 'RETURN_STATUS_REFUND_PENDING');
  assert.equal(graded.lines[0].inspection.inspectedBy, 'device:FC-DEFAULT/node-hh');
  assert.equal(read.refund.total.minorUnits, String(4000 - read.refund.shippingFee.minorUnits));
});
