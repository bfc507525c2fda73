/*
 * Drives ModSecurity 3 with the OWASP CRS in-process, one transaction per
 * request, and says whether each request was blocked.
 *
 * usage: harness PARANOIA_LEVEL < requests.tsv > results.tsv
 *
 * Input, one request a line, tab-separated, every field but the id
 * hex-encoded so that any byte survives:
 *   id  method  uri  headers ("Name: value\n" lines)  body
 * Output, one line per request: id <TAB> 1|0 (blocked or not).
 * On stderr at the end: requests, seconds and requests per second, as JSON.
 */
#include <modsecurity/intervention.h>
#include <modsecurity/modsecurity.h>
#include <modsecurity/rules_set.h>
#include <modsecurity/transaction.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void quiet_log(void *data, const void *msg) {
    (void)data;
    (void)msg;
}

static size_t unhex(const char *in, size_t len, unsigned char *out) {
    size_t n = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        unsigned int v;
        char pair[3] = {in[i], in[i + 1], 0};
        if (sscanf(pair, "%2x", &v) != 1) break;
        out[n++] = (unsigned char)v;
    }
    out[n] = 0;
    return n;
}

/* Returns 1 when ModSecurity wants to interrupt the transaction. */
static int intervened(Transaction *t) {
    ModSecurityIntervention it;
    memset(&it, 0, sizeof it);
    it.status = 200;
    int r = msc_intervention(t, &it);
    free(it.url);
    free(it.log);
    return r && it.disruptive;
}

static int run_one(ModSecurity *ms, RulesSet *rules, const char *method, unsigned char *uri,
                   unsigned char *headers, const unsigned char *body, size_t body_len) {
    Transaction *t = msc_new_transaction(ms, rules, NULL);
    int blocked = 0;
    msc_process_connection(t, "127.0.0.1", 40000, "127.0.0.1", 80);
    msc_process_uri(t, (const char *)uri, method, "1.1");
    blocked = intervened(t);
    if (!blocked) {
        char *line = (char *)headers;
        while (line && *line) {
            char *next = strchr(line, '\n');
            if (next) *next++ = 0;
            char *colon = strchr(line, ':');
            if (colon) {
                *colon = 0;
                char *value = colon + 1;
                while (*value == ' ') value++;
                msc_add_request_header(t, (const unsigned char *)line, (const unsigned char *)value);
            }
            line = next;
        }
        msc_process_request_headers(t);
        blocked = intervened(t);
    }
    if (!blocked) {
        if (body_len) msc_append_request_body(t, body, body_len);
        msc_process_request_body(t);
        blocked = intervened(t);
    }
    msc_process_logging(t);
    msc_transaction_cleanup(t);
    return blocked;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PARANOIA_LEVEL < requests.tsv\n", argv[0]);
        return 2;
    }
    int pl = atoi(argv[1]);
    const char *crs_setup = getenv("CRS_SETUP") ? getenv("CRS_SETUP") : "/etc/modsecurity/crs/crs-setup.conf";
    const char *crs_rules = getenv("CRS_RULES") ? getenv("CRS_RULES") : "/usr/share/modsecurity-crs/rules";

    ModSecurity *ms = msc_init();
    msc_set_connector_info(ms, "sluice detect-eval harness");
    msc_set_log_cb(ms, quiet_log);
    RulesSet *rules = msc_create_rules_set();
    const char *err = NULL;
    char conf[4096];
    snprintf(conf, sizeof conf,
             "SecRuleEngine On\n"
             "SecRequestBodyAccess On\n"
             "SecRequestBodyLimit 134217728\n"
             "SecRequestBodyNoFilesLimit 134217728\n"
             "SecRule REQUEST_HEADERS:Content-Type \"application/json\" "
             "\"id:200001,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON\"\n"
             "Include %s\n"
             "SecAction \"id:900000,phase:1,nolog,pass,t:none,setvar:tx.paranoia_level=%d\"\n"
             "Include %s/*.conf\n",
             crs_setup, pl, crs_rules);
    if (msc_rules_add(rules, conf, &err) < 0) {
        fprintf(stderr, "rules: %s\n", err ? err : "?");
        return 2;
    }

    size_t cap = 1 << 20;
    char *line = malloc(cap);
    unsigned char *uri = malloc(cap), *headers = malloc(cap), *body = malloc(cap);
    ssize_t n;
    long count = 0, blocked_count = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while ((n = getline(&line, &cap, stdin)) > 0) {
        if (line[n - 1] == '\n') line[--n] = 0;
        char *f[5] = {0};
        int k = 0;
        char *p = line;
        f[k++] = p;
        while (k < 5 && (p = strchr(p, '\t'))) {
            *p++ = 0;
            f[k++] = p;
        }
        if (k < 5) continue;
        size_t need = strlen(f[2]) / 2 + 1;
        if (need < strlen(f[3]) / 2 + 1) need = strlen(f[3]) / 2 + 1;
        if (need < strlen(f[4]) / 2 + 1) need = strlen(f[4]) / 2 + 1;
        uri = realloc(uri, need);
        headers = realloc(headers, need);
        body = realloc(body, need);
        unhex(f[2], strlen(f[2]), uri);
        unhex(f[3], strlen(f[3]), headers);
        size_t blen = unhex(f[4], strlen(f[4]), body);
        int b = run_one(ms, rules, f[1], uri, headers, body, blen);
        blocked_count += b;
        count++;
        printf("%s\t%d\n", f[0], b);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(stderr, "{\"peer\":\"modsecurity-crs-pl%d\",\"requests\":%ld,\"blocked\":%ld,\"seconds\":%.3f,\"per_second\":%.1f}\n",
            pl, count, blocked_count, secs, count / (secs > 0 ? secs : 1));
    msc_rules_cleanup(rules);
    msc_cleanup(ms);
    return 0;
}
