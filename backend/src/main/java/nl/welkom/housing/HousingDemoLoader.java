package nl.welkom.housing;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.welkom.auth.Municipality;
import nl.welkom.auth.MunicipalityRepository;
import nl.welkom.config.YamlNode;
import nl.welkom.demo.DemoLoaded;
import nl.welkom.household.ChangeSequence;
import nl.welkom.household.HouseholdEntity;
import nl.welkom.household.HouseholdRepository;
import nl.welkom.household.LanguageList;
import nl.welkom.household.MemberEntity;
import nl.welkom.household.MemberRepository;
import nl.welkom.model.household.ArrivalPath;
import nl.welkom.model.journey.JourneyStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code demo/housing.yaml} once the demo data is in ({@link DemoLoaded}), in one transaction:
 * two extra families for group settlement (only when their reference is free, with their expected arrival),
 * the current and the next half-year period with linked households,
 * and housing offers. Municipalities and households it does not find are skipped, so the file does
 * nothing on other data (the test fixtures). Logs counts only.
 */
@Singleton
final class HousingDemoLoader implements ApplicationEventListener<DemoLoaded> {
    static final String LOCATION = "classpath:demo/housing.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(HousingDemoLoader.class);

    private final TransactionOperations<Connection> transactions;
    private final MunicipalityRepository municipalities;
    private final HouseholdRepository households;
    private final MemberRepository members;
    private final ChangeSequence sequence;
    private final QuotaPeriodRepository periods;
    private final QuotaLinkRepository links;
    private final HousingOfferRepository offers;
    private final HousingQuota quota;
    private final Clock clock;

    HousingDemoLoader(TransactionOperations<Connection> transactions, MunicipalityRepository municipalities,
                      HouseholdRepository households, MemberRepository members, ChangeSequence sequence,
                      QuotaPeriodRepository periods, QuotaLinkRepository links, HousingOfferRepository offers,
                      HousingQuota quota, Clock clock) {
        this.transactions = transactions;
        this.municipalities = municipalities;
        this.households = households;
        this.members = members;
        this.sequence = sequence;
        this.periods = periods;
        this.links = links;
        this.offers = offers;
        this.quota = quota;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(DemoLoaded event) {
        Optional<YamlNode> file = YamlNode.readIfPresent(LOCATION);
        if (file.isEmpty()) {
            return;
        }
        YamlNode demo = file.get();
        int[] counts = transactions.executeWrite(status -> load(demo));
        if (counts[0] > 0) {
            LOG.info("Loaded housing demo data: {} periods, {} offers", counts[0], counts[1]);
        }
    }

    private int[] load(YamlNode demo) {
        int[] counts = new int[2];
        LocalDate today = quota.today();
        long now = clock.millis();
        for (YamlNode node : demo.children("municipalities")) {
            Optional<Municipality> municipality = municipalities.findBySlug(node.text("slug"));
            if (municipality.isEmpty()) {
                continue;
            }
            String municipalityId = municipality.get().id();
            Map<String, String> byReference = new HashMap<>();
            households.findByMunicipalityIdOrderByReference(municipalityId)
                    .forEach(household -> byReference.put(household.reference(), household.id()));
            for (YamlNode household : node.children("households")) {
                byReference.computeIfAbsent(household.text("reference"),
                        reference -> createHousehold(household, municipalityId, today, now));
            }
            for (YamlNode period : node.children("periods")) {
                counts[0] += loadPeriod(period, municipalityId, byReference, today, now);
            }
            for (YamlNode offer : node.children("offers")) {
                String id = byReference.get(offer.text("household"));
                if (id != null) {
                    offers.save(offer(offer, id, today, now));
                    counts[1]++;
                }
            }
        }
        return counts;
    }

    private String createHousehold(YamlNode node, String municipalityId, LocalDate today, long now) {
        String expected = node.optionalInt("expectedInDays").map(days -> today.plusDays(days).toString()).orElse(null);
        HouseholdEntity household = households.save(new HouseholdEntity(UUID.randomUUID().toString(), municipalityId,
                node.text("reference"), node.text("displayName"), node.optionalText("nationality").orElse(null),
                node.optionalText("campOfOrigin").orElse(null), node.enumValue("arrivalPath", ArrivalPath.class),
                node.enumValue("stage", JourneyStage.class), LanguageList.join(node.texts("languages")), 1,
                sequence.next(), now, null, expected, null, null, null));
        int position = 0;
        for (YamlNode member : node.children("members")) {
            members.save(new MemberEntity(UUID.randomUUID().toString(), household.id(), member.text("displayName"),
                    member.optionalInt("birthYear").orElse(null), LanguageList.join(member.texts("languages")),
                    position++, null, null));
        }
        return household.id();
    }


    private int loadPeriod(YamlNode node, String municipalityId, Map<String, String> byReference, LocalDate today,
                           long now) {
        String which = node.text("halfYear");
        LocalDate day = switch (which) {
            case "current" -> today;
            case "next" -> today.plusMonths(6);
            default -> throw node.fail("halfYear", "must be current or next");
        };
        Map<String, String> half = HousingPagesController.halfYear(day);
        QuotaPeriod period = periods.save(new QuotaPeriod(UUID.randomUUID().toString(), municipalityId,
                half.get("label"), half.get("startsOn"), half.get("endsOn"),
                node.optionalInt("targetPersons").orElseThrow(() -> node.fail("targetPersons", "is required")),
                now, now));
        for (String reference : node.texts("households")) {
            String householdId = byReference.get(reference);
            if (householdId != null && links.findByHouseholdId(householdId).isEmpty()) {
                links.save(new QuotaLink(UUID.randomUUID().toString(), period.id(), householdId, now, "demo"));
            }
        }
        return 1;
    }

    private static HousingOffer offer(YamlNode node, String householdId, LocalDate today, long now) {
        OfferStatus status = node.enumValue("status", OfferStatus.class);
        String declineReason = node.optionalText("declineReason").orElse(null);
        return new HousingOffer(UUID.randomUUID().toString(), householdId, node.text("street"),
                node.text("houseNumber"), node.text("postcode"), node.text("city"),
                today.plusDays(node.optionalInt("offeredInDays").orElse(0)).toString(),
                node.optionalInt("rooms").orElse(null), status,
                declineReason == null ? null : DeclineReason.valueOf(declineReason), node.optionalText("note").orElse(null),
                node.optionalInt("moveInInDays").map(days -> today.plusDays(days).toString()).orElse(null),
                now, "demo", now, "demo");
    }
}
