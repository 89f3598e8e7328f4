package io.leadflow.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code leadflow.reports.*}: the currency costs and revenue are reported in. Amounts in other
 * currencies are not converted: they are left out of the sums and counted in {@code
 * amountsInOtherCurrencies}.
 */
@ConfigurationProperties("leadflow.reports")
record ReportSettings(@DefaultValue("EUR") String currency) {}
