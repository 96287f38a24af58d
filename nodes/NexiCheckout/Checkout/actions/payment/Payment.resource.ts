export * as cancel from './cancel.operation';
export * as charge from './charge.operation';
export * as create from './create.operation';
export * as get from './get.operation';
export * as refund from './refund.operation';
export * as terminate from './terminate.operation';
export * as updateReference from './updateReference.operation';
