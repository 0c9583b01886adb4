package id.lapor.core.complaint;

/** How a report reached lapor. */
public enum Channel {
    WEB, SMS, MOBILE_APP, SOCIAL_MEDIA, FRONT_DESK, EMAIL, API
}
