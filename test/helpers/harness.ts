import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';

import express from 'express';
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type NodeParameterValueType,
	sleep,
} from 'n8n-workflow';

type Module<T> = Record<string, new () => T>;

/**
 * Node and credential types, each loaded the first time a test asks for it: a test loads only
 * what it runs (the version 1 golden test also runs against the 0.1.0 code, which lacks the
 * nodes added since). Where each lives is read from package.json's `n8n` block, as n8n reads
 * it, so the golden script's older tree (with its own package.json) is found too. The paths name
 * the .ts file: beside each node lies its codex .json, which plain Node would load first.
 */
function modulesListed(kind: 'nodes' | 'credentials', suffix: string, prefix: string) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const listed: string[] = require('../../package.json').n8n[kind];
	return Object.fromEntries(
		listed.map((file): [string, [string, string]] => {
			const className = basename(file).replace(suffix, '');
			const typeName = className[0].toLowerCase() + className.slice(1);
			const source = `../../${file.replace(/^dist\//, '').replace(/\.js$/, '.ts')}`;
			return [`${prefix}${typeName}`, [source, className]];
		}),
	);
}

const NODE_MODULES = modulesListed('nodes', '.node.js', 'n8n-nodes-nexi.');
const CREDENTIAL_MODULES = modulesListed('credentials', '.credentials.js', '');

const loaded = new Map<string, unknown>();

function load<T>(modules: Record<string, [string, string]>, name: string): T {
	if (!loaded.has(name)) {
		const [path, className] = modules[name];
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(path) as Module<T>;
		loaded.set(name, new module[className]());
	}
	return loaded.get(name) as T;
}

const nodeType = (name: string) => load<INodeType>(NODE_MODULES, name);
const credentialType = (name: string) => load<ICredentialType>(CREDENTIAL_MODULES, name);

/** A node's credentials as a saved workflow refers to them: by type, with an id and a name. */
function credentialRefs(credentials: Record<string, unknown>): INode['credentials'] {
	return Object.fromEntries(
		Object.keys(credentials).map((type) => [type, { id: `cred-${type}`, name: type }]),
	);
}

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeType(type),
	getByNameAndVersion: (type) => nodeType(type),
	getKnownTypes: () => ({}),
};

let credentialReads = 0;

/** How often a node has asked n8n for a credential (in a real n8n: a database read and a decryption). */
export function countCredentialReads(): number {
	return credentialReads;
}

/**
 * Hands the node its decrypted credentials and applies the credential type's own
 * `authenticate`, as n8n's CredentialsHelper does; everything else is n8n-core's own code.
 */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialType(typeName)?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		return requestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async getDecrypted(_data: unknown, _nodeCredentials: unknown, type: string) {
		credentialReads++;
		const credentials = this.credentials[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return { ...credentials };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return credentialType(type).properties;
	}
}

export interface RunOptions {
	type?: string;
	/** The node's version; 1 unless given. */
	typeVersion?: number;
	parameters: Record<string, NodeParameterValueType | IDataObject>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	timezone?: string;
}

export interface RunResult {
	items: INodeExecutionData[];
	error?: {
		message: string;
		description?: string | null;
		httpCode?: string | null;
		context?: IDataObject;
	};
	run: IRun;
}

/** Executes one node in a workflow through n8n-core's WorkflowExecute, as n8n does. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const node: INode = {
		id: 'a0f1d2c3-0000-4000-8000-000000000001',
		name: 'Nexi',
		type: options.type ?? 'n8n-nodes-nexi.nexiReporting',
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: credentialRefs(options.credentials),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		settings: { timezone: options.timezone ?? 'Europe/Rome' },
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		nodes: [node],
		connections: {},
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));

	const additionalData = makeAdditionalData(hooks, options.credentials);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [options.items ?? [{ json: {} }]] }, source: null },
			],
		},
	});

	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await done;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
	return { items: taskData?.data?.main?.[0] ?? [], error, run };
}

function makeAdditionalData(
	hooks: ExecutionLifecycleHooks | undefined,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		restartExecutionId: undefined,
		variables: {},
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		instanceBaseUrl: 'http://127.0.0.1/',
		restApiUrl: 'http://127.0.0.1/rest',
		userId: 'test-user',
		setExecutionStatus: () => {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs a credential type's declarative `test` the way n8n's CredentialsTester does: the
 * request goes through n8n-core's RoutingNode with the credential's own `authenticate`, and
 * the result is read with the same rules (response code rules, then network error code).
 */
export async function testCredential(
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const testedType = credentialType(typeName);
	const testRequest = testedType.test!;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credential-test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [typeName]: { id: 'cred', name: typeName } },
	};
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credential-test',
			group: ['input'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: typeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
	});
	const context = new ExecuteContext(
		workflow,
		node,
		makeAdditionalData(undefined, { [typeName]: data }),
		'internal',
		createRunExecutionData({}),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	let response: Awaited<ReturnType<RoutingNode['runNode']>>;
	try {
		response = await new RoutingNode(context, nodeType, {
			id: 'cred',
			name: typeName,
			type: typeName,
			data,
		}).runNode();
	} catch (caught) {
		const error = caught as Error & {
			cause?: { code?: string; response?: { status: number; statusText?: string } };
		};
		const cause = error.cause ?? {};
		if (cause.response) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === cause.response.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return {
				status: 'Error',
				message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}`,
			};
		}
		if (cause.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: error.message };
	}
	const body = response?.[0]?.[0]?.json;
	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const value = rule.properties.key
			.split('.')
			.reduce<unknown>((node, key) => (node as IDataObject)?.[key], body);
		if (value === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

export interface PollerOptions {
	type: string;
	typeVersion?: number;
	parameters: Record<string, NodeParameterValueType | IDataObject>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	timezone?: string;
}

/**
 * Runs a polling trigger's poll() through n8n-core's PollContext, and keeps its static data
 * the way n8n does without durable cursors: in memory between polls, written to the database
 * after the activation poll and whenever a poll emits. restart() throws the memory away and
 * reloads what was written, as an n8n restart does.
 */
export class Poller {
	private persisted = '{}';

	private workflow!: Workflow;

	private readonly node: INode;

	activated = false;

	constructor(private readonly options: PollerOptions) {
		this.node = {
			id: 'b0f1d2c3-0000-4000-8000-000000000002',
			name: 'Trigger',
			type: options.type,
			typeVersion: options.typeVersion ?? 1,
			position: [0, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: credentialRefs(options.credentials),
		};
		this.restart();
	}

	restart(): void {
		this.workflow = new Workflow({
			id: 'poll-workflow',
			nodes: [this.node],
			connections: {},
			nodeTypes,
			active: true,
			staticData: JSON.parse(this.persisted),
			settings: { timezone: this.options.timezone ?? 'Europe/Rome' },
		});
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** One scheduled poll ('trigger' mode), or "Fetch test event" ('manual'). */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[] | null> {
		const context = new PollContext(
			this.workflow,
			this.node,
			makeAdditionalData(undefined, this.options.credentials),
			mode,
			this.activated ? 'init' : 'activate',
		);
		const pollingType = nodeType(this.options.type);
		const result = await pollingType.poll!.call(context);
		if (mode === 'trigger' && (result !== null || !this.activated)) {
			this.persisted = JSON.stringify(this.workflow.staticData);
		}
		if (mode === 'trigger') this.activated = true;
		return result?.[0] ?? null;
	}
}

export interface ListSearchOptions {
	type: string;
	typeVersion?: number;
	method: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters?: Record<string, NodeParameterValueType | IDataObject>;
	filter?: string;
	paginationToken?: string;
	timezone?: string;
}

/**
 * Calls a node's "From List" method the way n8n's editor does (DynamicNodeParametersService):
 * a temporary node with the current parameters and credentials, n8n-core's LoadOptionsContext,
 * and the method called on it with the search text and the page token.
 */
export async function listSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'c0f1d2c3-0000-4000-8000-000000000003',
		name: 'Temp-Node',
		type: options.type,
		typeVersion: options.typeVersion ?? 2,
		position: [0, 0],
		parameters: (options.parameters ?? {}) as INode['parameters'],
		credentials: credentialRefs(options.credentials),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { timezone: options.timezone ?? 'Europe/Rome' },
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		makeAdditionalData(undefined, options.credentials),
		'parameters',
	);
	const method = nodeType(options.type).methods?.listSearch?.[options.method];
	if (!method) throw new Error(`${options.type} has no list method ${options.method}`);
	return await method.call(context, options.filter, options.paginationToken);
}

export interface WebhookOptions {
	type: string;
	typeVersion?: number;
	parameters: Record<string, NodeParameterValueType | IDataObject>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** 'webhook' for an active workflow's production URL, 'manual' for "Listen for test event". */
	mode?: 'webhook' | 'manual';
	/** The workflow's static data as n8n saved it, e.g. before a restart. */
	staticData?: string;
	/**
	 * How long n8n's database takes to load the workflow (with its static data) before the node
	 * runs, and to save the static data after: requests arriving together overlap as in n8n.
	 */
	storageMs?: number;
}

const STORAGE_MS = 10;

const WEBHOOK_WORKFLOW_ID = 'webhook-workflow';

/**
 * A webhook trigger served the way n8n's LiveWebhooks serves it: an Express app (n8n's own
 * server is Express, and parses JSON and form bodies before the node sees them), and for each
 * request the workflow rebuilt with the static data last saved, n8n-core's WebhookContext, the
 * node's `webhook` method, the static data saved again when it changed (each a database round
 * trip, so that requests arriving together read the same static data, as in n8n), and an
 * execution recorded when the node returns workflow data. Activation runs `webhookMethods` through
 * n8n-core's HookContext.
 */
export class WebhookServer {
	/** The first item of each execution the webhook started, in order. */
	readonly executions: INodeExecutionData[] = [];

	/** What n8n would have in its database: the static data as last saved. */
	staticData: string;

	private server!: Server;

	private readonly node: INode;

	url = '';

	constructor(private readonly options: WebhookOptions) {
		this.staticData = options.staticData ?? '{}';
		this.node = {
			id: 'd0f1d2c3-0000-4000-8000-000000000004',
			name: 'Notification',
			type: options.type,
			typeVersion: options.typeVersion ?? 1,
			position: [0, 0],
			webhookId: 'c8a1e6a2-7d0e-4b0b-9c7a-2f4b1e7d9a10',
			parameters: options.parameters as INode['parameters'],
			credentials: credentialRefs(options.credentials),
		};
	}

	private workflow(): Workflow {
		return new Workflow({
			id: WEBHOOK_WORKFLOW_ID,
			nodes: [this.node],
			connections: {},
			nodeTypes,
			active: true,
			staticData: JSON.parse(this.staticData),
			settings: { timezone: 'Europe/Rome' },
		});
	}

	private webhookData(
		method: string,
		additionalData: IWorkflowExecuteAdditionalData,
	): IWebhookData {
		const description = nodeType(this.options.type).description.webhooks!.find(
			(webhook) => webhook.httpMethod === method,
		)!;
		return {
			httpMethod: method as IWebhookData['httpMethod'],
			node: this.node.name,
			path: `${this.node.webhookId}/${String(description.path)}`,
			webhookDescription: description,
			workflowId: WEBHOOK_WORKFLOW_ID,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
		};
	}

	/** Activation: the node's webhookMethods, as n8n's ActiveWorkflowManager calls them. */
	async activate(): Promise<void> {
		const methods = nodeType(this.options.type).webhookMethods?.default;
		if (!methods) return;
		const workflow = this.workflow();
		const additionalData = makeAdditionalData(undefined, this.options.credentials);
		const context = new HookContext(
			workflow,
			this.node,
			additionalData,
			'webhook',
			'activate',
			this.webhookData('POST', additionalData),
		);
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
	}

	async start(): Promise<this> {
		const app = express();
		app.use(express.json());
		app.use(express.urlencoded({ extended: false }));
		app.all('/webhook/:id/:path', (req, res) => {
			void this.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) res.status(500).json({ message: error.message });
			});
		});
		await new Promise<void>((resolve) => {
			this.server = app.listen(0, '127.0.0.1', () => resolve());
		});
		const { port } = this.server.address() as AddressInfo;
		const path = nodeType(this.options.type).description.webhooks![0].path;
		this.url = `http://127.0.0.1:${port}/webhook/${this.node.webhookId}/${String(path)}`;
		return this;
	}

	private async handle(req: express.Request, res: express.Response): Promise<void> {
		const storageMs = this.options.storageMs ?? STORAGE_MS;
		const workflow = this.workflow();
		await sleep(storageMs);
		const additionalData = makeAdditionalData(undefined, this.options.credentials);
		Object.assign(additionalData, { httpRequest: req, httpResponse: res });
		const context = new WebhookContext(
			workflow,
			this.node,
			additionalData,
			this.options.mode ?? 'webhook',
			this.webhookData(req.method, additionalData),
			[],
			null,
		);
		const result = await nodeType(this.options.type).webhook!.call(context);
		if (workflow.staticData.__dataChanged === true) {
			workflow.staticData.__dataChanged = false;
			const saved = JSON.stringify(workflow.staticData);
			await sleep(storageMs);
			this.staticData = saved;
		}
		if (result.workflowData) this.executions.push(...result.workflowData[0]);
		if (result.noWebhookResponse !== true && !res.headersSent) {
			res.json(result.webhookResponse ?? { message: 'Webhook call received' });
		}
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.closeAllConnections();
			this.server.close(() => resolve());
		});
	}
}
