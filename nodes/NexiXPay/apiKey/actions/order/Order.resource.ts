// The Order resource's operations, one line each (see nodes/common/router.ts).
export * as cancel from './cancel.operation';
export * as capture from './capture.operation';
export * as get from './get.operation';
export * as getMany from './getMany.operation';
export * as refund from './refund.operation';
