type TableHeadProps = {
  columns: readonly string[];
  /** Adds a last column, named for screen readers only, for each row's buttons. */
  actions?: boolean;
};

/** A table's column headings. */
export function TableHead({ columns, actions = false }: TableHeadProps) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th scope="col" key={column}>
            {column}
          </th>
        ))}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
