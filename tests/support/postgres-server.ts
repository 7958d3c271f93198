// A private PostgreSQL 15 cluster for tests that stop and restart the database: the shared server
// on 5432 is never touched (other test files and other developers use it). Trust auth on
// 127.0.0.1 only, data in a temp dir, no fsync. PostgreSQL refuses to run as root, so as root the
// cluster belongs to the `postgres` user and every pg_ctl call runs through `runuser`.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./redis-server";

const BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
    private readonly owner: { uid: number; gid: number } | null,
  ) {}

  /** `postgresql://postgres@127.0.0.1:<port>/postgres` */
  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** initdb in a fresh temp dir (about a second); start() runs it. */
  static async create(): Promise<PrivatePostgres> {
    const bin = BIN_DIRS.find((dir) => existsSync(join(dir, "initdb")));
    if (!bin) throw new Error("PostgreSQL server binaries (initdb, pg_ctl) are not installed; npm test installs them (scripts/lib/setup.mjs)");
    const dir = mkdtempSync(join(tmpdir(), "lapor-pg-"));
    let owner: { uid: number; gid: number } | null = null;
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
      owner = { uid: id("-u"), gid: id("-g") };
      if (!Number.isInteger(owner.uid) || owner.uid === 0) throw new Error("running as root needs a `postgres` user to own the private cluster");
      chownSync(dir, owner.uid, owner.gid);
    }
    const server = new PrivatePostgres(await freePort(), dir, bin, owner);
    server.run("initdb", ["-D", join(dir, "data"), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    return server;
  }

  private run(tool: string, args: string[]): SpawnSyncReturns<string> {
    const command = join(this.bin, tool);
    const result = this.owner
      ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8", cwd: this.dir })
      : spawnSync(command, args, { encoding: "utf8", cwd: this.dir });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result;
  }

  /** Starts the cluster and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c full_page_writes=off -c max_connections=50`;
    this.run("pg_ctl", ["-D", join(this.dir, "data"), "-o", options, "-l", join(this.dir, "server.log"), "-w", "-t", "30", "start"]);
  }

  /** `pg_ctl stop -m fast`: open sessions are cut off, as in a restart or a failover. */
  async stop(): Promise<void> {
    this.run("pg_ctl", ["-D", join(this.dir, "data"), "-m", "fast", "-w", "-t", "30", "stop"]);
  }

  /** Stops the cluster if it runs and deletes its files. */
  async destroy(): Promise<void> {
    const data = join(this.dir, "data");
    if (existsSync(join(data, "postmaster.pid"))) {
      try {
        await this.stop();
      } catch {
        // Already stopped; the files go either way.
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
