// Leadflow's Cockpit: Camunda's documented config.js customisation (app name and vendor). The
// reports' dashboard is a plugin (report.ReportsCockpitPlugin), not configured here.
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Leadflow'
  }
};
