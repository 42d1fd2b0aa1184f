package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/validation"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"
)

// rendered is one object of a kustomize build, decoded into its type.
type rendered struct {
	kind, name string
	obj        any
}

// checkKubernetes renders deploy/k8s/base and every overlay and checks
// each result.
func checkKubernetes(root string) []string {
	dir := filepath.Join(root, "deploy", "k8s")
	targets := []string{filepath.Join(dir, "base")}
	overlays, err := os.ReadDir(filepath.Join(dir, "overlays"))
	if err != nil {
		return []string{fmt.Sprintf("reading overlays: %v", err)}
	}
	for _, o := range overlays {
		if o.IsDir() {
			targets = append(targets, filepath.Join(dir, "overlays", o.Name()))
		}
	}
	if len(targets) < 3 {
		return []string{fmt.Sprintf("want a base and at least two overlays, got %d targets", len(targets))}
	}
	problems := checkMigrateJob(filepath.Join(dir, "migrate-job.yaml"))
	for _, t := range targets {
		rel, _ := filepath.Rel(dir, t)
		objs, err := renderKustomization(t)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", rel, err))
			continue
		}
		for _, p := range kubernetesPolicy(objs) {
			problems = append(problems, fmt.Sprintf("%s: %s", rel, p))
		}
	}
	return problems
}

// renderYAML returns the kustomize build of dir as YAML.
func renderYAML(dir string) ([]byte, error) {
	resMap, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		return nil, fmt.Errorf("rendering %s with kustomize: %w", dir, err)
	}
	return resMap.AsYaml()
}

// renderKustomization builds dir with kustomize and decodes every object
// strictly into its k8s.io/api type.
func renderKustomization(dir string) ([]rendered, error) {
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	resMap, err := k.Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		return nil, fmt.Errorf("rendering with kustomize: %w", err)
	}
	var out []rendered
	var errs []string
	for _, r := range resMap.Resources() {
		b, err := r.MarshalJSON()
		if err != nil {
			return nil, fmt.Errorf("encoding %s/%s: %w", r.GetKind(), r.GetName(), err)
		}
		obj, err := decodeStrict(r.GetApiVersion(), r.GetKind(), b)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s/%s: %v", r.GetKind(), r.GetName(), err))
			continue
		}
		out = append(out, rendered{kind: r.GetKind(), name: r.GetName(), obj: obj})
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("decoding: %s", strings.Join(errs, "; "))
	}
	return out, nil
}

// decodeStrict decodes one object into the k8s.io/api type of its
// apiVersion and kind, with the API server's strictness: field names
// case-sensitive, unknown and duplicate fields rejected. A kind that is not
// listed is an error, so nothing escapes the check.
func decodeStrict(apiVersion, kind string, b []byte) (any, error) {
	var obj any
	switch apiVersion + " " + kind {
	case "apps/v1 Deployment":
		obj = &appsv1.Deployment{}
	case "v1 Service":
		obj = &corev1.Service{}
	case "v1 ConfigMap":
		obj = &corev1.ConfigMap{}
	case "policy/v1 PodDisruptionBudget":
		obj = &policyv1.PodDisruptionBudget{}
	case "autoscaling/v2 HorizontalPodAutoscaler":
		obj = &autoscalingv2.HorizontalPodAutoscaler{}
	case "batch/v1 Job":
		obj = &batchv1.Job{}
	default:
		return nil, fmt.Errorf("%s %s is not a kind this checker knows", apiVersion, kind)
	}
	strict, err := kjson.UnmarshalStrict(b, obj, kjson.DisallowDuplicateFields, kjson.DisallowUnknownFields)
	if err != nil {
		return nil, err
	}
	if len(strict) > 0 {
		return nil, fmt.Errorf("%v", strict)
	}
	return obj, nil
}

// kubernetesPolicy checks one rendered target as a whole.
func kubernetesPolicy(objs []rendered) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var deploys []*appsv1.Deployment
	configMaps := map[string]*corev1.ConfigMap{}
	for _, o := range objs {
		for _, msg := range validation.IsDNS1123Subdomain(o.name) {
			add("%s %q: name: %s", o.kind, o.name, msg)
		}
		switch v := o.obj.(type) {
		case *appsv1.Deployment:
			deploys = append(deploys, v)
		case *corev1.ConfigMap:
			configMaps[v.Name] = v
		}
	}
	if len(deploys) != 1 {
		add("want one Deployment, got %d", len(deploys))
		return problems
	}
	d := deploys[0]
	problems = append(problems, deploymentPolicy(d, configMaps)...)
	podLabels := labels.Set(d.Spec.Template.Labels)
	kinds := map[string]int{}
	for _, o := range objs {
		kinds[o.kind]++
		switch v := o.obj.(type) {
		case *corev1.Service:
			if len(v.Spec.Selector) == 0 || !labels.SelectorFromSet(v.Spec.Selector).Matches(podLabels) {
				add("Service %s selects %v, which does not match the pods' labels %v", v.Name, v.Spec.Selector, podLabels)
			}
		case *policyv1.PodDisruptionBudget:
			sel, err := metaSelector(v.Spec.Selector)
			if err != nil || !sel.Matches(podLabels) {
				add("PodDisruptionBudget %s does not select the pods (%v)", v.Name, err)
			}
			if (v.Spec.MinAvailable == nil) == (v.Spec.MaxUnavailable == nil) {
				add("PodDisruptionBudget %s must set exactly one of minAvailable and maxUnavailable", v.Name)
			}
		case *autoscalingv2.HorizontalPodAutoscaler:
			ref := v.Spec.ScaleTargetRef
			if ref.Kind != "Deployment" || ref.Name != d.Name || ref.APIVersion != "apps/v1" {
				add("HorizontalPodAutoscaler %s scales %s %s/%s, not the Deployment %s", v.Name, ref.APIVersion, ref.Kind, ref.Name, d.Name)
			}
			if v.Spec.MinReplicas == nil || *v.Spec.MinReplicas < 1 || v.Spec.MaxReplicas < *v.Spec.MinReplicas {
				add("HorizontalPodAutoscaler %s: want 1 <= minReplicas <= maxReplicas", v.Name)
			}
			lag := false
			for _, m := range v.Spec.Metrics {
				switch {
				case m.External != nil && m.External.Metric.Name == "stancemon_consumer_group_lag_messages":
					lag = true
				case m.Pods != nil && m.Pods.Metric.Name == "stancemon_consumer_group_lag_messages":
					lag = true
				}
			}
			if !lag {
				add("HorizontalPodAutoscaler %s does not scale on stancemon_consumer_group_lag_messages", v.Name)
			}
		}
	}
	if kinds["Secret"] > 0 {
		add("the manifests must refer to Secrets, not carry them")
	}
	for _, k := range []string{"Service", "PodDisruptionBudget", "ConfigMap"} {
		if kinds[k] != 1 {
			add("want one %s, got %d", k, kinds[k])
		}
	}
	return problems
}

// deploymentPolicy checks the pod template of the Deployment.
func deploymentPolicy(d *appsv1.Deployment, configMaps map[string]*corev1.ConfigMap) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	sel, err := metaSelector(d.Spec.Selector)
	if err != nil || !sel.Matches(labels.Set(d.Spec.Template.Labels)) {
		add("Deployment %s: the selector does not match the template's labels (%v)", d.Name, err)
	}
	pod := d.Spec.Template.Spec
	problems = append(problems, containerPolicy(pod, true)...)
	config := false
	for _, v := range pod.Volumes {
		if v.ConfigMap == nil {
			continue
		}
		cm, ok := configMaps[v.ConfigMap.Name]
		if !ok {
			add("volume %s refers to ConfigMap %s, which is not rendered", v.Name, v.ConfigMap.Name)
			continue
		}
		if _, ok := cm.Data["stancemon.yaml"]; ok {
			config = true
		}
	}
	if !config {
		add("Deployment %s mounts no ConfigMap holding stancemon.yaml", d.Name)
	}
	return problems
}

// checkMigrateJob decodes the migrate Job strictly and checks its
// container like the Deployment's (without probes: it runs to completion).
func checkMigrateJob(path string) []string {
	b, err := readLimited(path)
	if err != nil {
		return []string{err.Error()}
	}
	j, err := yaml.YAMLToJSON(b)
	if err != nil {
		return []string{fmt.Sprintf("migrate-job.yaml: %v", err)}
	}
	var head struct{ APIVersion, Kind string }
	if err := yaml.Unmarshal(b, &head); err != nil {
		return []string{fmt.Sprintf("migrate-job.yaml: %v", err)}
	}
	obj, err := decodeStrict(head.APIVersion, head.Kind, j)
	if err != nil {
		return []string{fmt.Sprintf("migrate-job.yaml: %v", err)}
	}
	job, ok := obj.(*batchv1.Job)
	if !ok {
		return []string{fmt.Sprintf("migrate-job.yaml: want a batch/v1 Job, got %s %s", head.APIVersion, head.Kind)}
	}
	var problems []string
	pod := job.Spec.Template.Spec
	if pod.RestartPolicy != corev1.RestartPolicyNever && pod.RestartPolicy != corev1.RestartPolicyOnFailure {
		problems = append(problems, "migrate-job.yaml: restartPolicy must be Never or OnFailure")
	}
	if len(pod.Containers) != 1 || len(pod.Containers[0].Args) == 0 || pod.Containers[0].Args[0] != "migrate" {
		problems = append(problems, "migrate-job.yaml: want one container running `stancemon migrate`")
	}
	for _, p := range containerPolicy(pod, false) {
		problems = append(problems, "migrate-job.yaml: "+p)
	}
	return problems
}

// containerPolicy checks the pod's security context and its one container:
// resources, security context, probes (when probes is set), no literal
// password, every mount defined.
func containerPolicy(pod corev1.PodSpec, probes bool) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if psc := pod.SecurityContext; psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot {
		add("the pod must set securityContext.runAsNonRoot: true")
	}
	if len(pod.Containers) != 1 {
		add("want one container, got %d", len(pod.Containers))
		return problems
	}
	c := pod.Containers[0]
	if c.Image == "" {
		add("container %s has no image", c.Name)
	}
	probe := func(what string, p *corev1.Probe, path string) {
		if p == nil || p.HTTPGet == nil || p.HTTPGet.Path != path {
			add("container %s: want a %s probe on GET %s", c.Name, what, path)
		}
	}
	if probes {
		probe("readiness", c.ReadinessProbe, "/readyz")
		probe("liveness", c.LivenessProbe, "/healthz")
	}
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, okReq := c.Resources.Requests[r]
		lim, okLim := c.Resources.Limits[r]
		if !okReq || !okLim {
			add("container %s: want a request and a limit of %s", c.Name, r)
		} else if req.Cmp(lim) > 0 {
			add("container %s: the %s request %s exceeds the limit %s", c.Name, r, req.String(), lim.String())
		}
	}
	sc := c.SecurityContext
	switch {
	case sc == nil:
		add("container %s has no securityContext", c.Name)
	default:
		if sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			add("container %s: want readOnlyRootFilesystem: true", c.Name)
		}
		if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			add("container %s: want allowPrivilegeEscalation: false", c.Name)
		}
		if sc.Capabilities == nil || !slices.Contains(sc.Capabilities.Drop, "ALL") {
			add("container %s: want capabilities.drop [ALL]", c.Name)
		}
	}
	// Secrets only by reference: no literal value of a variable that names
	// a password, and every mounted volume defined.
	for _, e := range c.Env {
		if strings.Contains(strings.ToUpper(e.Name), "PASSWORD") && e.Value != "" {
			add("container %s: %s has a literal value; use a secretKeyRef or a mounted file", c.Name, e.Name)
		}
	}
	volumes := map[string]corev1.Volume{}
	for _, v := range pod.Volumes {
		volumes[v.Name] = v
	}
	for _, m := range c.VolumeMounts {
		if _, ok := volumes[m.Name]; !ok {
			add("container %s mounts volume %s, which the pod does not define", c.Name, m.Name)
		}
	}
	return problems
}
