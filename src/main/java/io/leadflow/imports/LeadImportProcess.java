package io.leadflow.imports;

/**
 * The contract of {@code bpmn/lead-import.bpmn}: a file of leads imported in the background, a
 * batch of rows per job. Business key: the import's id.
 */
public final class LeadImportProcess {

  public static final String KEY = "lead-import";

  private LeadImportProcess() {}

  public static final class Elements {
    public static final String IMPORT_REQUESTED = "StartEvent_ImportRequested";
    public static final String IMPORT_BATCH = "Activity_ImportBatch";
    public static final String GATEWAY_MORE_ROWS = "Gateway_MoreRows";
    public static final String END_LEADS_IMPORTED = "EndEvent_LeadsImported";

    private Elements() {}
  }

  /** The bean the model's delegate expression names. */
  public static final class Beans {
    public static final String IMPORT_LEAD_BATCH = "importLeadBatch";

    private Beans() {}
  }

  /** Progress for Cockpit; the import's own table (lead_imports) is what counts. */
  public static final class Variables {
    /** The import's id (lead_imports.id, GET /api/imports/{id}). */
    public static final String IMPORT_ID = "importId";
    /** Who uploaded the file (a user id or an integration). */
    public static final String IMPORTED_BY = "importedBy";
    public static final String ROWS_TOTAL = "rowsTotal";
    public static final String ROWS_DONE = "rowsDone";
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String REJECTED = "rejected";
    /** Whether another batch follows ("More rows?"). */
    public static final String MORE_ROWS = "moreRows";

    private Variables() {}
  }
}
