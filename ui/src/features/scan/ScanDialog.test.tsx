import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ScanReport, ScanStatus } from "../../ipc/types";
import { appError, fakeSecret, installFakeBackend, PROJECT_ID } from "../../test/fakeBackend";
import { renderApp } from "../../test/renderApp";

const VALUE = "sk-live-0123456789abcdef";

const idle: ScanStatus = {
  folder: null,
  running: false,
  progress: { files: 0, blobs: 0, bytes: 0, findings: 0 },
  report: null,
  error: null,
};

const report: ScanReport = {
  findings: [
    {
      origin: "file",
      path: "/home/me/app/src/config.py",
      commit: null,
      line: 12,
      column: 9,
      project: "Support Bot",
      secret: "STRIPE_KEY",
      environment: "Production",
      form: "base64",
    },
    {
      origin: "git_history",
      path: ".env",
      commit: "0123456789abcdef0123456789abcdef01234567",
      line: 1,
      column: 12,
      project: "Support Bot",
      secret: "STRIPE_KEY",
      environment: "default",
      form: "plain",
    },
  ],
  summary: {
    files: 120,
    blobs: 40,
    bytes: 2_500_000,
    skippedBinary: 1,
    unreadable: 0,
    values: 2,
    patterns: 20,
    unsearched: [{ project: "Support Bot", secret: "PIN", environment: "default" }],
    truncated: false,
    elapsedMs: 80,
  },
};

describe("Scan for leaks", () => {
  it("picks a folder, scans with progress and lists the findings without values", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("STRIPE_KEY", { value: VALUE })] });
    let state: ScanStatus = idle;
    let polls = 0;
    backend.override("scan_status", () => {
      // Running for two polls, then done.
      if (state.running && ++polls > 2) {
        state = { ...state, running: false, report, progress: { files: 120, blobs: 40, bytes: 2_500_000, findings: 2 } };
      }
      return state;
    });
    backend.override("scan_choose_folder", () => {
      state = { ...state, folder: "/home/me/app" };
      return "/home/me/app";
    });
    backend.override("scan_start", () => {
      state = { ...state, running: true, progress: { files: 3, blobs: 0, bytes: 4096, findings: 0 } };
      return state;
    });
    const { user } = await renderApp();

    await user.click(screen.getByRole("button", { name: "Scan for leaks" }));
    const dialog = await screen.findByRole("dialog", { name: "Scan for leaks" });
    const scan = within(dialog).getByRole("button", { name: "Scan" });
    expect(scan).toBeDisabled();
    await user.click(within(dialog).getByRole("button", { name: "Choose folder…" }));
    await waitFor(() => expect(within(dialog).getByTestId("scan-folder")).toHaveTextContent("/home/me/app"));
    await user.click(within(dialog).getByLabelText(/Include git history/));
    await user.click(scan);

    expect(await within(dialog).findByRole("progressbar", { name: "Scanning" })).toBeInTheDocument();
    expect(backend.callsTo("scan_start")[0]?.args).toEqual({ projectId: PROJECT_ID, gitHistory: true, agents: false });

    const table = await within(dialog).findByTestId("scan-findings", {}, { timeout: 3000 });
    const rows = within(table).getAllByTestId<HTMLTableRowElement>("scan-finding");
    expect(rows.map((row) => Array.from(row.cells).slice(0, 5).map((cell) => cell.textContent))).toEqual([
      ["STRIPE_KEY", "Production", "/home/me/app/src/config.py", "12:9", "base64"],
      ["STRIPE_KEY", "default", "0123456789ab:.env", "1:12", "plain"],
    ]);
    expect(within(dialog).getByTestId("scan-summary")).toHaveTextContent("2 places hold a secret value");
    expect(within(dialog).getByText(/Rotate each leaked secret/)).toHaveTextContent("Edit");
    expect(within(dialog).getByText(/Not searched/)).toHaveTextContent("PIN (default)");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(VALUE);

    backend.override("scan_open_folder", () => null);
    await user.click(within(rows[0] as HTMLElement).getByRole("button", { name: /Open folder/ }));
    expect(backend.callsTo("scan_open_folder")[0]?.args).toEqual({ index: 0 });
  });

  it("says so when nothing is found, and shows a failure", async () => {
    const backend = installFakeBackend({ secrets: [fakeSecret("STRIPE_KEY")] });
    const clean: ScanReport = { findings: [], summary: { ...report.summary, unsearched: [] } };
    backend.override("scan_status", () => ({ ...idle, folder: "/tmp/x", report: clean }));
    const { user } = await renderApp();
    await user.click(screen.getByRole("button", { name: "Scan for leaks" }));
    const dialog = await screen.findByRole("dialog", { name: "Scan for leaks" });
    expect(await within(dialog).findByTestId("scan-summary")).toHaveTextContent("No secret values found");

    backend.override("scan_start", () => {
      throw appError("not_found", "/tmp/x is not in a git repository");
    });
    await user.click(within(dialog).getByRole("button", { name: "Scan again" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("is not in a git repository");
  });
});
