import { useState } from "react";
import { useMenu } from "../../components/useMenu";
import { toAppError } from "../../ipc/appError";
import {
  dotenvPreview,
  exportDotenvExample,
  projectCreate,
  projectDuplicate,
  projectExport,
  projectImport,
  projectRename,
} from "../../ipc/projectCommands";
import type { DotenvSelection } from "../../ipc/types";
import { useToasts } from "../shell/toastContext";
import { DeleteProjectDialog } from "./DeleteProjectDialog";
import { DotenvImportDialog } from "./DotenvImportDialog";
import { secretsNeedValues } from "./pending";
import { useProjects } from "./projectContext";
import { ProjectNameDialog } from "./ProjectNameDialog";
import "./projects.css";

type OpenDialog =
  | { kind: "new" }
  | { kind: "rename" }
  | { kind: "delete" }
  | { kind: "dotenv"; selection: DotenvSelection }
  | null;

type Action = "new" | "rename" | "duplicate" | "export" | "import" | "dotenv" | "example" | "delete";

const ACTIONS: readonly (readonly [Action, string])[] = [
  ["new", "New project"],
  ["rename", "Rename"],
  ["duplicate", "Duplicate"],
  ["export", "Export"],
  ["import", "Import"],
  ["dotenv", "Import .env"],
  ["example", "Export .env.example"],
  ["delete", "Delete"],
];

/**
 * The project switcher at the top of the sidebar: the current project; its menu lists every
 * project (switch) and the project actions. File choices happen in native dialogs opened by Rust.
 */
export function ProjectSwitcher({ fallbackName }: { fallbackName: string }) {
  const projects = useProjects();
  const toasts = useToasts();
  const [menuOpen, setMenuOpen] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);
  const menu = useMenu(menuOpen, () => setMenuOpen(true), () => setMenuOpen(false));

  if (!projects) {
    return (
      <div className="sidebar-project" title={fallbackName}>
        {fallbackName}
      </div>
    );
  }
  const { current, open } = projects;

  async function run(task: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await task();
    } catch (caught) {
      toasts.showError(toAppError(caught).message);
    } finally {
      setBusy(false);
    }
  }

  function choose(action: Action) {
    menu.close(true);
    switch (action) {
      case "new":
      case "rename":
      case "delete":
        setDialog({ kind: action });
        return;
      case "duplicate":
        void run(async () => {
          const report = await projectDuplicate(current.id);
          await open(report.project.id);
          toasts.showInfo(`Duplicated as ${report.project.name}: ${secretsNeedValues(report.needsValues)}.`);
        });
        return;
      case "export":
        void run(async () => {
          const path = await projectExport(current.id);
          if (path) toasts.showInfo(`Exported ${current.name} (names only) to ${path}`);
        });
        return;
      case "import":
        void run(async () => {
          const report = await projectImport();
          if (!report) return;
          await open(report.project.id);
          toasts.showInfo(`Imported ${report.project.name}: ${secretsNeedValues(report.needsValues)}.`);
        });
        return;
      case "dotenv":
        void run(async () => {
          const selection = await dotenvPreview(current.id);
          if (selection) setDialog({ kind: "dotenv", selection });
        });
        return;
      case "example":
        void run(async () => {
          const path = await exportDotenvExample(current.id);
          if (path) toasts.showInfo(`Wrote the names of ${current.name} to ${path}`);
        });
        return;
    }
  }

  return (
    <div className="project-switcher">
      <button
        {...menu.buttonProps}
        className="project-switcher-button"
        data-testid="project-switcher"
        title={current.name}
        disabled={busy}
      >
        <span className="project-switcher-name">{current.name}</span>
        <span aria-hidden="true" className="project-switcher-caret">
          ▾
        </span>
      </button>
      {menuOpen && (
        <div {...menu.menuProps} className="project-menu" aria-label="Projects">
          {projects.projects.map((project) => (
            <button
              key={project.id}
              type="button"
              role="menuitemradio"
              aria-checked={project.id === current.id}
              tabIndex={-1}
              className="project-menu-item"
              data-testid="project-option"
              onClick={() => {
                menu.close(true);
                if (project.id !== current.id) void run(() => open(project.id));
              }}
            >
              <span className="project-menu-check" aria-hidden="true">
                {project.id === current.id ? "✓" : ""}
              </span>
              {project.name}
            </button>
          ))}
          <div role="separator" className="project-menu-separator" />
          {ACTIONS.map(([action, label]) => (
            <button
              key={action}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={action === "delete" ? "project-menu-item project-menu-danger" : "project-menu-item"}
              onClick={() => choose(action)}
            >
              <span className="project-menu-check" aria-hidden="true" />
              {label}
            </button>
          ))}
        </div>
      )}
      {dialog?.kind === "new" && (
        <ProjectNameDialog
          title="New project"
          submitLabel="Create project"
          onSubmit={projectCreate}
          onClose={() => setDialog(null)}
          onDone={(project) => {
            setDialog(null);
            void run(() => open(project.id));
          }}
        />
      )}
      {dialog?.kind === "rename" && (
        <ProjectNameDialog
          title={`Rename ${current.name}`}
          submitLabel="Rename"
          initialName={current.name}
          onSubmit={(name) => projectRename(current.id, name)}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            void run(() => open());
          }}
        />
      )}
      {dialog?.kind === "delete" && (
        <DeleteProjectDialog
          project={current}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            toasts.showInfo(`Deleted project ${current.name}`);
            void run(() => open());
          }}
        />
      )}
      {dialog?.kind === "dotenv" && (
        <DotenvImportDialog
          projectId={current.id}
          projectName={current.name}
          selection={dialog.selection}
          onClose={() => setDialog(null)}
          onImported={(report) => {
            setDialog(null);
            toasts.showInfo(`Imported .env: ${report.created} new, ${report.updated} updated`);
            void run(() => open());
          }}
        />
      )}
    </div>
  );
}
