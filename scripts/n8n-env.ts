/**
 * The environment every n8n this repository starts runs with, `npm run dev` and the end-to-end
 * suite alike: one user folder of its own, listening on this machine only, no calls home.
 */
export function n8nEnvironment(userFolder: string, port: number): Record<string, string> {
	return {
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		// Only this machine can reach it: the owner login is a fixed one and the cookie below
		// is not marked secure, which is safe on loopback and nowhere else.
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		// Plain http on loopback: a secure cookie would keep Safari from signing in.
		N8N_SECURE_COOKIE: 'false',
		// Each n8n runs its own task-runner broker; two on one machine need two ports.
		N8N_RUNNERS_BROKER_PORT: String(port + 1000),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		GENERIC_TIMEZONE: 'Europe/Rome',
	};
}
