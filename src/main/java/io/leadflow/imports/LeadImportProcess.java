package io.leadflow.imports;

/**
 * The contract of {@code bpmn/lead-import.bpmn}: a file of leads imported in the background, in
 * slices side by side (a parallel multi-instance subprocess, {@code leadflow.import.slices}), each a
 * batch of rows per job. Business key: the import's id.
 */
public final class LeadImportProcess {

  public static final String KEY = "lead-import";

  private LeadImportProcess() {}

  public static final class Elements {
    public static final String IMPORT_REQUESTED = "StartEvent_ImportRequested";
    /** "Import a slice of the file": one instance per slice, side by side. */
    public static final String IMPORT_SLICE = "SubProcess_ImportSlice";
    public static final String SLICE_STARTED = "StartEvent_SliceStarted";
    /** "Slice imported": asynchronous, so slices that end together do not undo each other's last batch. */
    public static final String SLICE_IMPORTED = "EndEvent_SliceImported";
    public static final String IMPORT_BATCH = "Activity_ImportBatch";
    public static final String GATEWAY_MORE_ROWS = "Gateway_MoreRows";
    /** "Complete the import": after every slice. */
    public static final String COMPLETE_IMPORT = "Activity_CompleteImport";
    public static final String END_LEADS_IMPORTED = "EndEvent_LeadsImported";

    private Elements() {}
  }

  /** The beans the model's delegate expressions name. */
  public static final class Beans {
    public static final String IMPORT_LEAD_BATCH = "importLeadBatch";
    public static final String COMPLETE_LEAD_IMPORT = "completeLeadImport";

    private Beans() {}
  }

  /**
   * Progress for Cockpit; the import's own table (lead_imports) is what counts. {@link #ROWS_TOTAL},
   * {@link #SLICES}, {@link #IMPORT_ID} and {@link #IMPORTED_BY} belong to the process instance;
   * the others are local to each slice (the subprocess declares them), written by its batches with
   * the whole import's counts as of that batch.
   */
  public static final class Variables {
    /** The import's id (lead_imports.id, GET /api/imports/{id}). */
    public static final String IMPORT_ID = "importId";
    /** Who uploaded the file (a user id or an integration). */
    public static final String IMPORTED_BY = "importedBy";
    public static final String ROWS_TOTAL = "rowsTotal";
    /** How many slices run side by side (the subprocess's loop cardinality). */
    public static final String SLICES = "slices";
    /** The slice of a subprocess instance: Camunda's own loop counter of the multi-instance, 0 .. slices - 1. */
    public static final String SLICE = "loopCounter";
    public static final String ROWS_DONE = "rowsDone";
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String REJECTED = "rejected";
    /** Whether another batch of the slice follows ("More rows in the slice?"). */
    public static final String MORE_ROWS = "moreRows";

    private Variables() {}
  }
}
