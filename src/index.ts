/**
 * crm-mining: typed data mining for customer analytics. Each capability is also available
 * as its own subpath export (`crm-mining/core`, …).
 * @module crm-mining
 */
export * from './core/index';
export * from './association/index';
export * from './clv/index';
export * from './rfm/index';
export * from './sequence/index';
export * from './classify/index';
export * from './cluster/index';
export * from './profile/index';
export * from './churn/index';
export * from './report/index';
export * from './worker/index';
export * from './sql/index';
