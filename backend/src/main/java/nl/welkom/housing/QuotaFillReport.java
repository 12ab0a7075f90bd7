package nl.welkom.housing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import nl.welkom.auth.MunicipalityRepository;
import nl.welkom.report.Report;
import nl.welkom.report.ReportQuery;
import nl.welkom.report.ReportTable;
import nl.welkom.report.ReportTable.Cell;
import nl.welkom.report.ReportTable.Row;

/**
 * The quota fill as a report: per quota period (taakstelling), the target in persons, the persons
 * linked to it and the persons housed (docs/housing.md for the rules). For an administrator the
 * periods of every municipality are added up by label. The target is not counted from households and
 * is never hidden; linked and housed persons follow the small-cell rule by their households.
 */
@Singleton
final class QuotaFillReport implements Report {
    private final HousingQuota quota;
    private final MunicipalityRepository municipalities;

    QuotaFillReport(HousingQuota quota, MunicipalityRepository municipalities) {
        this.quota = quota;
        this.municipalities = municipalities;
    }

    @Override
    public String name() {
        return "quota";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public String words() {
        return "housing.report.quota";
    }

    @Override
    public ReportTable count(ReportQuery query) {
        List<String> ids = new ArrayList<>();
        if (query.national()) {
            municipalities.findAll().forEach(municipality -> ids.add(municipality.id()));
        } else {
            ids.add(query.municipalityId());
        }
        Map<String, long[]> byLabel = new LinkedHashMap<>();
        ids.stream().map(quota::fill).flatMap(fill -> fill.periods().stream())
                .sorted((a, b) -> a.startsOn().compareTo(b.startsOn()))
                .forEach(period -> {
                    long[] sums = byLabel.computeIfAbsent(period.label(), label -> new long[5]);
                    sums[0] += period.targetPersons();
                    sums[1] += period.linkedPersons();
                    sums[2] += period.linkedHouseholds();
                    sums[3] += period.housedPersons();
                    sums[4] += period.housedHouseholds();
                });
        List<Row> rows = new ArrayList<>();
        byLabel.forEach((label, sums) -> rows.add(new Row(label, new ReportTable.Name(label),
                List.of(Cell.figure(sums[0]), new Cell(sums[1], sums[2]), new Cell(sums[3], sums[4])))));
        return new ReportTable("housing.report.quota.rows", List.of("housing.report.quota.target",
                "housing.report.quota.linked", "housing.report.quota.housed"), rows);
    }

}
