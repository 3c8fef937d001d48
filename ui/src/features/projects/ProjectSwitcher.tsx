import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
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
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!menuOpen) return;
    const items = menuItems();
    (items.find((item) => item.getAttribute("aria-checked") === "true") ?? items[0])?.focus();
    function onPointerDown(event: MouseEvent) {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setMenuOpen(false);
    }
    document.addEventListener("mousedown", onPointerDown);
    return () => document.removeEventListener("mousedown", onPointerDown);
  }, [menuOpen]);

  if (!projects) {
    return (
      <div className="sidebar-project" title={fallbackName}>
        {fallbackName}
      </div>
    );
  }
  const { current, open } = projects;

  function menuItems(): HTMLButtonElement[] {
    return Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>("[role^=menuitem]:not(:disabled)") ?? []);
  }

  function closeMenu(returnFocus: boolean) {
    setMenuOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = menuItems();
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    let next: HTMLButtonElement | undefined;
    if (event.key === "ArrowDown") next = items[(index + 1) % items.length];
    else if (event.key === "ArrowUp") next = items[(index - 1 + items.length) % items.length];
    else if (event.key === "Home") next = items[0];
    else if (event.key === "End") next = items[items.length - 1];
    else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      closeMenu(true);
      return;
    } else if (event.key === "Tab") {
      closeMenu(false);
      return;
    } else return;
    event.preventDefault();
    next?.focus();
  }

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
    closeMenu(true);
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
        ref={buttonRef}
        type="button"
        className="project-switcher-button"
        data-testid="project-switcher"
        title={current.name}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-controls={menuOpen ? menuId : undefined}
        disabled={busy}
        onClick={() => (menuOpen ? closeMenu(false) : setMenuOpen(true))}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setMenuOpen(true);
          }
        }}
      >
        <span className="project-switcher-name">{current.name}</span>
        <span aria-hidden="true" className="project-switcher-caret">
          ▾
        </span>
      </button>
      {menuOpen && (
        <div
          ref={menuRef}
          id={menuId}
          className="project-menu"
          role="menu"
          aria-label="Projects"
          onKeyDown={onMenuKeyDown}
        >
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
                closeMenu(true);
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
