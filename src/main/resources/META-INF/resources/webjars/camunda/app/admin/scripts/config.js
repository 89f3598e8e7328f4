// Leadflow's Admin: Camunda's documented config.js customisation (app name and vendor).
export default {
  app: {
    name: 'Admin',
    vendor: 'Leadflow'
  }
};
