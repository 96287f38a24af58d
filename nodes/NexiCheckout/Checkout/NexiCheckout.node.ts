import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	operationSubtitle,
	resourceProperties,
	routeToOperation,
	type ResourceDefinition,
} from '../../common/router';
import * as payment from './actions/payment/Payment.resource';
import { CHECKOUT_CREDENTIAL } from '../protocol/environment';
import { CheckoutClient } from './transport/client';

const RESOURCES: Array<ResourceDefinition<CheckoutClient>> = [
	{
		name: 'Payment',
		value: 'payment',
		description: 'A payment: its page, and the money reserved, charged, refunded or cancelled',
		defaultOperation: 'create',
		operations: payment,
	},
];

export class NexiCheckout implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi Checkout',
		name: 'nexiCheckout',
		icon: { light: 'file:../../../icons/nexi.svg', dark: 'file:../../../icons/nexi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(RESOURCES),
		description:
			'Create Nexi Checkout payment pages, and charge, refund, cancel or terminate payments (Nexi Checkout Payment API, formerly Nets Easy)',
		defaults: { name: 'Nexi Checkout' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CHECKOUT_CREDENTIAL, required: true }],
		properties: resourceProperties(RESOURCES),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeToOperation(this, RESOURCES, CheckoutClient.connect);
	}
}
