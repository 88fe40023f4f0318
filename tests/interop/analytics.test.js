'use strict';
// A merchant's reporting from Node: units sold per SKU and day (SalesService), then the return rate and the reasons of
// a small history made here, read back with exact figures (AnalyticsService), and bad input named field by field.
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { grpc, services, useSilo, unary, newMerchant, TEST_TIMEOUT } = require('./support/harness');
const { decodeStatusDetails, decodeBadRequest } = require('./support/protos');

const silo = useSilo();

// Returns count on the UTC day they are requested: today's, so the day is taken once, before anything is made.
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days) => ({ seconds: String(Math.floor(Date.now() / 1000) - days * 86_400), nanos: 0 });

function line(sku, category, quantity, reasonCode) {
  return {
    orderReference: 'SO-NODE-A', sku, category, quantity, purchasedQuantity: quantity,
    unitPrice: { minorUnits: '2500', currencyCode: 'USD' }, purchasedAt: daysAgo(6), deliveredAt: daysAgo(4), reasonCode,
  };
}

async function createReturn(as, ...lines) {
  await unary(silo.client(services.Returns), 'CreateReturn', {
    requestId: crypto.randomUUID(), customerReference: `node-${crypto.randomBytes(3).toString('hex')}`,
    customerAddress: { name: 'Ada Node', line1: '1 Loop Rd', city: 'Austin', postalCode: '78701', countryCode: 'US' },
    lines, requestedResolution: 'RESOLUTION_REFUND_TO_ORIGINAL_PAYMENT', returnMethod: 'RETURN_METHOD_CARRIER_PICKUP',
  }, as);
}

/** A merchant whose day: sold SKU-A (apparel) 10 and SKU-B (shoes) 4; returned SKU-A 2 wrong_size, then SKU-B 1 defective with SKU-A 1 changed_mind. */
async function merchantWithADay() {
  const { as } = await newMerchant(silo, 'node-an', 'Node Analytics');
  const sales = silo.client(services.Sales);
  const { response: first } = await unary(sales, 'ReportSales', {
    requestId: crypto.randomUUID(), day: today,
    sales: [{ sku: 'SKU-A', category: 'apparel', unitsSold: '12' }, { sku: 'SKU-B', category: 'shoes', unitsSold: '4' }],
  }, as);
  // Reported again, a SKU's figure is replaced, not added to.
  const { response: corrected } = await unary(sales, 'ReportSales', {
    requestId: crypto.randomUUID(), day: today, sales: [{ sku: 'SKU-A', category: 'apparel', unitsSold: '10' }],
  }, as);
  await createReturn(as, line('SKU-A', 'apparel', 2, 'wrong_size'));
  await createReturn(as, line('SKU-B', 'shoes', 1, 'defective'), line('SKU-A', 'apparel', 1, 'changed_mind'));
  return { as, first, corrected };
}

test('sales reported for a day say what they set and what the day holds, a SKU reported again replaced', TEST_TIMEOUT, async () => {
  const { first, corrected } = await merchantWithADay();

  assert.deepEqual(first, { day: today, skusReported: 2, unitsReported: '16', skusOnDay: 2, unitsOnDay: '16' });
  assert.deepEqual(corrected, { day: today, skusReported: 1, unitsReported: '10', skusOnDay: 2, unitsOnDay: '14' });
});

test('the return rate divides units returned by units sold, overall and per SKU', TEST_TIMEOUT, async () => {
  const { as } = await merchantWithADay();
  const analytics = silo.client(services.Analytics);

  const { response: overall } = await unary(analytics, 'GetReturnRate', { firstDay: today, lastDay: today, interval: 'ANALYTICS_INTERVAL_DAY' }, as);
  const { response: bySku } = await unary(analytics, 'GetReturnRate', { firstDay: today, lastDay: today, groupBy: 'ANALYTICS_GROUPING_SKU' }, as);

  assert.equal(overall.groups.length, 1);
  assert.equal(overall.groups[0].group, '');
  const total = overall.groups[0].total;
  assert.deepEqual([total.firstDay, total.lastDay, total.returns, total.unitsReturned, total.unitsSold], [today, today, '2', '4', '14']);
  assert.equal(total.returnRate, 4 / 14);
  assert.deepEqual(overall.groups[0].periods.map((p) => [p.firstDay, p.unitsReturned, p.returnRate]), [[today, '4', 4 / 14]]);
  assert.deepEqual(bySku.groups.map((g) => [g.group, g.total.returns, g.total.unitsReturned, g.total.unitsSold, g.total.returnRate]),
    [['SKU-A', '2', '3', '10', 0.3], ['SKU-B', '1', '1', '4', 0.25]]);
  assert.equal(bySku.nextPageToken, '');
});

test('reasons list units and shares, most units first, and name no growth without returns before', TEST_TIMEOUT, async () => {
  const { as } = await merchantWithADay();

  const { response } = await unary(silo.client(services.Analytics), 'GetReturnReasons', { firstDay: today, lastDay: today, top: 2 }, as);

  const [overall] = response.groups;
  assert.deepEqual([overall.unitsReturned, overall.otherUnits, overall.previousUnitsReturned], ['4', '1', '0']);
  assert.deepEqual(overall.reasons.map((r) => [r.reasonCode, r.units, r.share]), [['wrong_size', '2', 0.5], ['changed_mind', '1', 0.25]]);
  assert.equal(overall.fastestGrowing, null);
  assert.equal(response.previousLastDay < today, true);
});

test('a range that ends before it starts is INVALID_ARGUMENT naming last_day', TEST_TIMEOUT, async () => {
  const { as } = await newMerchant(silo, 'node-an', 'Node Analytics');

  const error = await unary(silo.client(services.Analytics), 'GetReturnRate', { firstDay: '2026-02-01', lastDay: '2026-01-01' }, as)
    .then(() => null, (caught) => caught);

  assert.equal(error?.code, grpc.status.INVALID_ARGUMENT);
  const fields = decodeBadRequest(decodeStatusDetails(error.metadata).details[0].value).fieldViolations.map((v) => v.field);
  assert.deepEqual(fields, ['last_day']);
});
