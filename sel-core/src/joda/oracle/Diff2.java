// Oracle harness (see README.md): prints cases with joda-time's own results.
import org.joda.time.*;
import org.joda.time.format.*;
import java.util.*;
public class Diff2 {
  static Random R;
  static String err(Throwable e) { return ("ERR:" + e.getClass().getSimpleName() + ": " + e.getMessage()).replace("\t"," ").replace("\n"," "); }
  static String[] ZONES = Diff.ZONES;
  public static void main(String[] a) {
    R = new Random(Long.parseLong(a[0]));
    DateTimeZone.setDefault(DateTimeZone.UTC); Locale.setDefault(Locale.US);
    StringBuilder out = new StringBuilder();
    String[] words = {"1 day", "2 days", "1 day, 2 hours and 30 minutes", "1 week", "3 hours", "1 hour 1 minute", "1 day and 2 hours", "1 day, 30 minutes", "1 day,", " 1 day", "1 day ", "1 fortnight", "1 month", "1 year", "2 years 1 month", "1 h", "1 ms", "", "5 seconds and 10 milliseconds", "-1 days", "+1 days", "1 Day", "1 DAYS", "3000000000 days", "1 day 2 hours", "1 day,2 hours", "1 day ,2 hours", "1 day,and 2 hours", "2 weeks, 3 days", "1 millisecond", "10 minutes, 5 seconds", "1 minute and 1 second", "1 days and and 2 hours", "1day", "1  day", "1 hour, 1 day", "7 days and 1 week"};
    for (String w : words) {
      String r; try { r = String.valueOf(PeriodFormat.wordBased(Locale.ENGLISH).parsePeriod(w).toStandardDuration().getMillis()); } catch (Exception e) { r = err(e); }
      out.append("period\t-\t").append(w).append("\t-\t").append(r).append('\n');
    }
    String[] idTests = {"UTC","utc","Z","+05","+0530","+05:30","+05:30:15","+05:30:15.123","+053015","+5","-24:00","+23:59","+05:60","-00:00:00.001","+05:","+05:3","GMT","GMT0","Etc/GMT+5","US/Pacific","Asia/Calcutta","EST","MST","HST","CET","WET","MET","EET","EST5EDT","PST8PDT","Europe/Kiev","Europe/Kyiv","America/Ciudad_Juarez","Universal","Zulu","UCT","Greenwich","Asia/Istanbul","Europe/Istanbul","Turkey","Japan","ROK","Navajo","Etc/Zulu","America/Buenos_Aires","Australia/ACT","Canada/Eastern","Brazil/East","Mexico/General","Chile/Continental","Cuba","Egypt","Eire","GB","Hongkong","Iceland","Iran","Israel","Jamaica","Libya","NZ","Poland","Portugal","PRC","Singapore","W-SU","America/Nuuk","America/Godthab","Asia/Rangoon","Asia/Yangon","Pacific/Kanton","Pacific/Enderbury","Asia/Katmandu","Antarctica/South_Pole","Europe/Uzhgorod"};
    for (String id : idTests) { String r; try { r = DateTimeZone.forID(id).getID(); } catch (Exception e) { r = err(e); } out.append("zone\t-\t").append(id).append("\t-\t").append(r).append('\n'); }
    for (int i = 0; i < 1500; i++) {
      String zid = ZONES[R.nextInt(ZONES.length)];
      int y = R.nextInt(10) == 0 ? R.nextInt(4000) - 1000 : 1960 + R.nextInt(80), mo = R.nextInt(13), d = R.nextInt(32), h = R.nextInt(25), mi = R.nextInt(60), s = R.nextInt(60), ms = R.nextInt(1000);
      if (R.nextInt(4) == 0) { mo = new int[]{3,10,11,4,9}[R.nextInt(5)]; d = 1 + R.nextInt(28); h = R.nextInt(4); }
      String r; try { r = new DateTime(y, mo, d, h, mi, s, ms, DateTimeZone.forID(zid)).toString(); } catch (Exception e) { r = err(e); }
      out.append("fields\t").append(zid).append('\t').append(y+","+mo+","+d+","+h+","+mi+","+s+","+ms).append("\t-\t").append(r).append('\n');
      long t1 = Diff.instantPub(R), t2 = R.nextBoolean() ? Diff.instantPub(R) : t1 + (R.nextInt(200) - 100) * 3600000L;
      try { r = String.valueOf(Days.daysBetween(new DateTime(t1, DateTimeZone.forID(zid)), new DateTime(t2)).getDays()); } catch (Exception e) { r = err(e); }
      out.append("days\t").append(zid).append('\t').append(t1).append('\t').append(t2).append('\t').append(r).append('\n');
    }
    System.out.print(out);
  }
}
