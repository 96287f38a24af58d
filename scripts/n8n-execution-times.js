// Reads the newest execution from a (stopped) n8n's SQLite database and prints each node's
// start, execution time and item count as JSON. Runs on n8n's own Node with n8n's own sqlite3 and
// flatted, so large executions need not pass through `n8n execute`'s printed output (which n8n
// cuts short when it exits while tens of megabytes are still being written).
//   <n8n node> scripts/n8n-execution-times.js <n8n node_modules> <database.sqlite>
const path = require('node:path');

const [modules, database] = process.argv.slice(2);
const sqlite3 = require(path.join(modules, 'sqlite3'));
const { parse } = require(path.join(modules, 'flatted'));

const db = new sqlite3.Database(database, sqlite3.OPEN_READONLY);
db.get(
	'SELECT e.status AS status, d.data AS data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id ORDER BY e.id DESC LIMIT 1',
	(error, row) => {
		if (error || !row) {
			console.error(error ?? 'no execution');
			process.exit(1);
		}
		const runData = parse(row.data).resultData.runData;
		const nodes = {};
		for (const [name, runs] of Object.entries(runData)) {
			nodes[name] = {
				startTime: runs[0].startTime,
				executionTime: runs[0].executionTime,
				items: runs[0].data?.main?.[0]?.length ?? 0,
			};
		}
		process.stdout.write(JSON.stringify({ status: row.status, nodes }));
		db.close();
	},
);
