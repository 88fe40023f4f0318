'use strict';
// The operator's view of the cluster from Node: ClusterService.GetClusterStatus with the operator key, and refused to a merchant.
const test = require('node:test');
const assert = require('node:assert/strict');
const { grpc, services, useSilo, unary, newMerchant, bearer, TEST_TIMEOUT, OPERATOR_KEY } = require('./support/harness');

const silo = useSilo();

test('the cluster status names the cluster, its store and every silo, the answering one marked', TEST_TIMEOUT, async () => {
  const { response: status } = await unary(silo.client(services.Cluster), 'GetClusterStatus', {}, { metadata: bearer(OPERATOR_KEY) });

  assert.match(status.clusterId, /\S/);
  assert.ok(['CLUSTER_STORE_SQLITE', 'CLUSTER_STORE_POSTGRES'].includes(status.store), `store: ${status.store}`);
  assert.ok(status.silos.length >= 1);
  const answering = status.silos.filter((s) => s.answering);
  assert.equal(answering.length, 1);
  assert.equal(answering[0].address, status.answeringSilo);
  assert.match(answering[0].address, /^[\d.:a-f[\]]+:\d+@\d+$/);
  assert.equal(answering[0].status, 'CLUSTER_SILO_STATUS_ACTIVE');
  assert.match(answering[0].hostName, /\S/);
  assert.ok(Number(answering[0].startTime.seconds) > 0 && Number(answering[0].iAmAliveTime.seconds) >= Number(answering[0].startTime.seconds));
  assert.ok(Number(answering[0].activations) >= 0);
  // Active silos first.
  const firstInactive = status.silos.findIndex((s) => s.status !== 'CLUSTER_SILO_STATUS_ACTIVE');
  assert.ok(firstInactive === -1 || status.silos.slice(firstInactive).every((s) => s.status !== 'CLUSTER_SILO_STATUS_ACTIVE'));
});

test('a merchant key is PERMISSION_DENIED', TEST_TIMEOUT, async () => {
  const { as } = await newMerchant(silo, 'node-cl', 'Node Cluster');

  const error = await unary(silo.client(services.Cluster), 'GetClusterStatus', {}, as).then(() => null, (caught) => caught);

  assert.equal(error?.code, grpc.status.PERMISSION_DENIED);
});
